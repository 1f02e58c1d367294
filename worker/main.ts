import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { env, EnvError } from '../lib/platform/config/env';
import { createDb } from '../lib/platform/db/client';
import { requireDatabaseUrl } from '../lib/platform/db/database-url';
import { MigrationError } from '../lib/platform/db/migrations/apply-migrations';
import { assertMigrated } from '../lib/platform/db/migrations/assert-migrated';
import { acceptInbound } from '../lib/features/intake/accept-inbound';
import { startMailboxSupervisor } from '../lib/features/intake/channels/imap/mailbox-supervisor';
import { startInboundSmtp } from '../lib/features/intake/channels/smtp/inbound-smtp-server';
import { senderAuthFromEnv } from '../lib/features/intake/sender-auth/sender-auth-from-env';
import { seedMailboxes } from '../lib/features/mailboxes/seed-mailboxes';
import { applyFirstRun } from '../lib/features/users/first-run';
import { createSessionLeases } from '../lib/platform/db/session-leases';
import { createBlobStore } from '../lib/platform/storage/create-blob-store';
import { createMailboxMailers } from '../lib/features/mailboxes/mailbox-mailers';
import { oauthApps } from '../lib/features/mailboxes/oauth/oauth-apps';
import { createOAuthTokenSource } from '../lib/features/mailboxes/oauth/oauth-token-source';
import { createClaudeClient } from '../lib/platform/llm/claude-client';
import { createSmtpMailer } from '../lib/platform/mail/mailer';
import { createLlmObserver, llmObserverConfigFromEnv } from '../lib/platform/observability/create-llm-observer';
import { createPromptSource } from '../lib/features/prompts/create-prompt-source';
import { seedKnowledge } from '../lib/features/knowledge/seed-knowledge';
import { embeddingModelPresent } from '../lib/platform/embeddings/fetch-embedding-model';
import { temporalConnectionOptions } from '../lib/platform/temporal/connection-options';
import { LangfuseApi } from '../lib/platform/observability/langfuse-api';
import { createActivities } from './activities';
import { createScheduledActivities } from './activities/scheduled';
import { ensureSchedules } from '../lib/features/schedules/ensure-schedules';
import { warnOfMissingSearchAttributes } from './search-attributes-check';
import { SCHEDULED_JOBS } from '../lib/features/schedules/schedule-registry';
import { getScheduleTimes } from '../lib/features/settings/sla-settings';
import { activityConfigFrom } from './activity-config';
import { prebuiltWorkflowBundle } from './workflow-bundle';
import { startWorkerTelemetry } from './telemetry';

/** The worker process: wiring only. Workflows and activities live beside it. */
async function main(): Promise<void> {
  const config = env();
  if (!config.ANTHROPIC_API_KEY && !config.ANTHROPIC_BASE_URL) {
    throw new EnvError('Set ANTHROPIC_API_KEY (or ANTHROPIC_BASE_URL for the offline simulator; `npm start` does this).');
  }
  const databaseUrl = requireDatabaseUrl(config);
  await assertMigrated(databaseUrl, fileURLToPath(new URL('../prisma/migrations', import.meta.url)));
  const db = createDb(databaseUrl, { poolSize: config.DATABASE_POOL_SIZE, applicationName: 'countersign-worker' });
  await applyFirstRun({ config, db, log: (line) => console.log(`worker: ${line}`) });
  const mailer = createSmtpMailer(config.SMTP_URL);
  const observer = createLlmObserver(llmObserverConfigFromEnv(config));
  const claude = createClaudeClient({
    apiKey: config.ANTHROPIC_API_KEY ?? 'offline-simulator',
    baseURL: config.ANTHROPIC_BASE_URL,
    timeoutMs: config.CLAUDE_TIMEOUT_MS,
  });
  const blobs = createBlobStore(config);
  // One token source for the readers and the senders: a mailbox refreshes once, not twice.
  const tokens = createOAuthTokenSource({ db, apps: oauthApps() });
  const senders = createMailboxMailers({ db, defaultMailer: mailer, defaultFrom: config.MAIL_FROM, tokens });
  const connectionOptions = temporalConnectionOptions(config);
  const metrics = await startWorkerTelemetry(config);
  const connection = await NativeConnection.connect(connectionOptions);
  const client = new Client({ connection: await Connection.connect(connectionOptions), namespace: config.TEMPORAL_NAMESPACE });
  // Erasure and retention delete traces through LangFuse's public API when it is configured.
  const langfuse =
    config.LANGFUSE_PUBLIC_KEY && config.LANGFUSE_SECRET_KEY
      ? new LangfuseApi({ baseUrl: config.LANGFUSE_BASE_URL, publicKey: config.LANGFUSE_PUBLIC_KEY, secretKey: config.LANGFUSE_SECRET_KEY, timeoutMs: 30_000 })
      : undefined;
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowBundle: await prebuiltWorkflowBundle(),
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    activities: {
      ...createScheduledActivities({
        db,
        client,
        mailer,
        config: { taskQueue: config.TEMPORAL_TASK_QUEUE, mailFrom: config.MAIL_FROM, escalationEmail: config.ESCALATION_EMAIL, appUrl: config.APP_URL },
      }),
      ...createActivities({
        db,
        claude,
        mailer,
        observer,
        prompts: createPromptSource(config),
        config: activityConfigFrom(config),
        senders,
        blobs,
        temporal: { client, namespace: config.TEMPORAL_NAMESPACE },
        langfuse,
      }),
    },
    // On SIGINT/SIGTERM the SDK stops polling and lets in-flight activities finish this long.
    shutdownGraceTime: '30 seconds',
    // Heartbeats carry cancellations: when an agent's own reply overtakes a model call, the call
    // stops (and stops costing) within seconds rather than 80% of the heartbeat timeout.
    maxHeartbeatThrottleInterval: '2 seconds',
  });
  // Periodic work runs as Temporal Schedules (one action however many workers start them).
  const schedules = await ensureSchedules({ client, taskQueue: config.TEMPORAL_TASK_QUEUE, times: await getScheduleTimes(db), jobs: SCHEDULED_JOBS });
  console.log(`Schedules: ${Object.entries(schedules).map(([id, outcome]) => `${id} ${outcome}`).join(', ')}`);
  await warnOfMissingSearchAttributes(client.connection, config.TEMPORAL_NAMESPACE);

  // Mail that arrives by IMAP or SMTP takes the same intake as the web routes.
  const knowledge = await seedKnowledge(config.KNOWLEDGE_DIR, db);
  if (knowledge.created.length > 0) console.log(`Knowledge: ${knowledge.created.length} article(s) seeded from ${config.KNOWLEDGE_DIR}`);
  if (!embeddingModelPresent(config.KNOWLEDGE_EMBEDDING_MODEL_DIR)) {
    console.warn(`Knowledge: the embedding model is missing from ${config.KNOWLEDGE_EMBEDDING_MODEL_DIR}; retrieval ranks by words only until \`npm run knowledge:model\` fetches it`);
  }
  const seeded = await seedMailboxes(config.MAILBOXES_JSON, db);
  if (seeded > 0) console.log(`Mailboxes: ${seeded} from MAILBOXES_JSON created or updated`);
  const accept = (email: Parameters<typeof acceptInbound>[1]) =>
    acceptInbound({ db, getClient: async () => client, config, blobs, senderAuth: senderAuthFromEnv(config) }, email);
  const mailboxes = startMailboxSupervisor({
    db,
    accept,
    leases: createSessionLeases(databaseUrl, 'countersign-mailbox-leases'),
    pollSeconds: config.IMAP_POLL_SECONDS,
    maxBytes: config.INBOUND_MAX_BYTES,
    tokens,
  });
  const smtp = config.INBOUND_SMTP_PORT === undefined ? undefined : await startInboundSmtp({ db, accept, port: config.INBOUND_SMTP_PORT, host: config.INBOUND_SMTP_HOST, maxBytes: config.INBOUND_MAX_BYTES });
  if (smtp) console.log(`Inbound SMTP listening on ${smtp.address}`);

  console.log(`Worker polling task queue "${config.TEMPORAL_TASK_QUEUE}" on ${connectionOptions.address}`);
  try {
    await worker.run();
  } finally {
    await metrics?.close();
    await smtp?.close();
    await mailboxes.stop();
    await observer.shutdown();
    mailer.close();
    senders.close();
    await client.connection.close();
    await connection.close();
    await db.$disconnect();
    console.log('Worker stopped cleanly');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError || error instanceof MigrationError ? error.message : error);
  process.exit(1);
});
