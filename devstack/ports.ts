import net from 'node:net';

export interface PortClaim {
  port: number;
  /** The variable that sets it, so the message says what to change. */
  variable: string;
  service: string;
}

export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

/** Whether anything already listens on 127.0.0.1:port (or holds it on every interface). */
export async function isPortInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return (await acceptsConnections(port, host)) || !(await canListen(port, host));
}

/** Fails before anything starts, naming each taken port and the variable that moves it. */
export async function assertPortsFree(claims: PortClaim[]): Promise<void> {
  const taken: PortClaim[] = [];
  // Port 0 asks the OS for a free one when the service starts: nothing to check.
  for (const claim of claims) if (claim.port !== 0 && (await isPortInUse(claim.port))) taken.push(claim);
  if (taken.length === 0) return;
  const lines = taken.map(
    (claim) => `  port ${claim.port} (${claim.service}) is already in use; stop what holds it or set ${claim.variable}`,
  );
  throw new PortInUseError(
    `Cannot start: ${taken.length === 1 ? 'a port is' : 'ports are'} already in use.\n${lines.join('\n')}\n` +
      'Is another Countersign (npm start) still running? `lsof -i :PORT` shows who holds a port.',
  );
}

export function acceptsConnections(port: number, host = '127.0.0.1', timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (result: boolean): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port free on loopback right now, for a service that cannot bind port 0 itself. */
export function pickFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port assigned'))));
    });
  });
}
