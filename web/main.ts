import http from 'node:http';
import next from 'next';
import { env } from '../lib/platform/config/env';
import { settleForwardedHeaders, trustedProxies } from '../lib/web/forwarded-headers';

/**
 * The web app's production server: `next start`, plus the two things it cannot do itself.
 * It listens on HOST (loopback by default, not every interface), and it decides the
 * client's address from the socket, believing X-Forwarded-* only from TRUST_PROXY.
 */
const config = env();
const proxies = trustedProxies(config.TRUST_PROXY);
const app = next({ dev: false, dir: process.cwd(), hostname: config.HOST, port: config.PORT });

await app.prepare();
const handle = app.getRequestHandler();
const server = http.createServer((request, response) => {
  settleForwardedHeaders(request.headers, request.socket.remoteAddress ?? '', proxies);
  handle(request, response).catch((error: unknown) => {
    console.error('Request failed', error);
    if (!response.headersSent) response.writeHead(500).end();
  });
});
server.once('error', (error) => {
  console.error(`web: cannot listen on ${config.HOST}:${config.PORT}: ${error.message}`);
  process.exit(1);
});
server.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  console.log(`web: listening on http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`);
});

const stop = () => {
  server.close(() => process.exit(0));
  // Keep-alive connections would hold close() open; the supervisor's grace period is the bound.
  server.closeIdleConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
