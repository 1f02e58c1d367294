import type { EventEmitter } from 'node:events';
import type net from 'node:net';

/** A port clash gets its own error so the CLI can say which port, not dump a stack. */
export class PortInUseError extends Error {
  readonly code = 'EADDRINUSE';

  constructor(
    readonly service: 'SMTP' | 'HTTP',
    readonly host: string,
    readonly port: number,
  ) {
    super(`${service} port ${port} on ${host} is already in use`);
    this.name = 'PortInUseError';
  }
}

/**
 * Starts listening and resolves with the bound port (the real one when 0 was asked for).
 * `errorSource` is where listen errors are emitted: smtp-server re-emits its socket's errors
 * on itself and throws if nobody listens there, so for SMTP it is the SMTPServer.
 */
export function listen(
  service: 'SMTP' | 'HTTP',
  netServer: net.Server,
  errorSource: EventEmitter,
  port: number,
  host: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      netServer.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(service, host, port) : error);
    };
    const onListening = (): void => {
      errorSource.off('error', onError);
      const address = netServer.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    };
    errorSource.once('error', onError);
    netServer.once('listening', onListening);
    netServer.listen(port, host);
  });
}

/** Host as it goes into a URL: IPv6 literals need brackets, wildcard binds are reached via loopback. */
export function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
