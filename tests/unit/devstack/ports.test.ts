import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { assertPortsFree, isPortInUse, PortInUseError } from '@/devstack/ports';

let server: net.Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

function listen(host: string): Promise<number> {
  return new Promise((resolve) => {
    server = net.createServer().listen(0, host, () => {
      const address = server?.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

describe('ports', () => {
  it('sees a port held on every interface as in use on 127.0.0.1', async () => {
    const port = await listen('0.0.0.0');
    expect(await isPortInUse(port)).toBe(true);
  });

  it('names the service and the variable that moves it', async () => {
    const port = await listen('127.0.0.1');
    const check = assertPortsFree([{ port, variable: 'PORT', service: 'web app' }]);
    await expect(check).rejects.toBeInstanceOf(PortInUseError);
    await expect(check).rejects.toThrow(new RegExp(`port ${port} \\(web app\\).*set PORT`));
  });

  it('passes when nothing listens', async () => {
    const port = await listen('127.0.0.1');
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
    await expect(assertPortsFree([{ port, variable: 'PORT', service: 'web app' }])).resolves.toBeUndefined();
  });
});
