// `npm run demo`: sends the sample mail through the real intake endpoint of a running stack.
import 'dotenv/config';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { env } from '../lib/platform/config/env';
import { DEMO_EMAILS } from './demo-emails';
import { PROJECT_ROOT } from './project-root';
import { readStoredSecrets } from './secrets';
import { sendDemoEmail } from './send-demo-email';

async function main(): Promise<void> {
  const config = env();
  const secret = config.INBOUND_SECRET ?? readStoredSecrets(path.resolve(PROJECT_ROOT, config.DATA_DIR)).INBOUND_SECRET;
  if (!secret) throw new Error('No INBOUND_SECRET: start the stack once with `npm start` (it creates data/secrets.env), or set it.');
  const baseUrl = `http://127.0.0.1:${config.PORT}`;
  const runId = randomUUID().slice(0, 8);
  console.log(`Sending ${DEMO_EMAILS.length} sample emails to ${baseUrl}/api/inbound (run ${runId})`);
  for (const [index, email] of DEMO_EMAILS.entries()) {
    const result = await sendDemoEmail(email, index, { baseUrl, secret, runId });
    const tag = email.expectRisky ? 'risky ' : 'simple';
    console.log(`  [${tag}] ${email.subject.padEnd(58).slice(0, 58)} → conversation ${result.conversationId}`);
  }
  console.log(`Done. Open http://localhost:${config.PORT} to review the drafts.`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const refused = message.includes('fetch failed');
  console.error(refused ? 'Could not reach the web app. Is `npm start` running?' : `Demo failed: ${message}`);
  process.exit(1);
});
