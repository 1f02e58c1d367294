import 'dotenv/config';
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { env } from '../lib/platform/config/env';
import { requireDatabaseUrl } from '../lib/platform/db/database-url';
import { assertMigrated } from '../lib/platform/db/migrations/assert-migrated';
import { applyFirstRun } from '../lib/features/users/first-run';
import { settleForwardedHeaders, trustedProxies } from '../lib/web/forwarded-headers';
import { configuredHeaders } from '../lib/web/direct/configured-headers';
import { intakeRouteOf, serveIntake, settleIntake } from '../lib/web/direct/intake-routes';

/**
 * `npm run web`: one production web node (`next start` on the built app, `npm run build`
 * first), plus the two things next cannot do itself: it listens on HOST (loopback by
 * default, not every interface), and it decides the client's address from the socket,
 * believing X-Forwarded-* only from TRUST_PROXY. Run as many as you like behind a load
 * balancer, against one DATABASE_URL and one TEMPORAL_ADDRESS. Migrations are a release
 * step (`npm run db:migrate`); a node refuses to start before they ran. Like every entry, it
 * creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD while there are no users.
 * Mail intake (POST /api/inbound and the provider webhooks) is answered here, before Next:
 * lib/web/direct/intake-routes.ts says why.
 */
const config = env();
try {
  const databaseUrl = requireDatabaseUrl(config);
  await assertMigrated(databaseUrl, path.join(process.cwd(), 'prisma', 'migrations'));
  await applyFirstRun({ config, databaseUrl, log: (line) => console.log(`web: ${line}`) });
} catch (error) {
  console.error(`web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const proxies = trustedProxies(config.TRUST_PROXY);
const app = next({ dev: false, dir: process.cwd(), hostname: config.HOST, port: config.PORT });

await app.prepare();
const handle = app.getRequestHandler();
const headersFor = configuredHeaders(process.cwd());
const server = http.createServer((request, response) => {
  settleForwardedHeaders(request.headers, request.socket.remoteAddress ?? '', proxies);
  const intake = intakeRouteOf(request);
  if (intake) {
    void serveIntake(intake, request, response, headersFor);
    return;
  }
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
  // Mail answered already is handed to Temporal before exit (a few seconds at most).
  server.close(() => void settleIntake(5_000).finally(() => process.exit(0)));
  // Keep-alive connections would hold close() open; the supervisor's grace period is the bound.
  server.closeIdleConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
