import http from 'node:http';
import { settleForwardedHeaders, trustedProxies } from '../../lib/web/forwarded-headers';
import { intakeRouteOf, serveIntake } from '../../lib/web/direct/intake-routes';

/**
 * The intake half of web/main.ts in a process of its own (no Next: intake never reaches it),
 * so the parent can read this process's CPU alone: it answers {cpu} on a message.
 */
const proxies = trustedProxies([]);
const server = http.createServer((request, response) => {
  settleForwardedHeaders(request.headers, request.socket.remoteAddress ?? '', proxies);
  const route = intakeRouteOf(request);
  if (route) void serveIntake(route, request, response, () => []);
  else response.writeHead(404).end();
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('message', (message: { kind: string }) => {
  if (message.kind === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMs: (user + system) / 1000, rssMb: process.memoryUsage().rss / 2 ** 20 });
  }
  if (message.kind === 'stop') server.close(() => process.exit(0));
});
