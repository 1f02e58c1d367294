import path from 'node:path';
import { seedKnowledge } from '../../../lib/features/knowledge/seed-knowledge';
import { PROJECT_ROOT } from '../../../devstack/project-root';
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { startClaudeSimulator } from '../../../devstack/claude-simulator';
import { getConversationStateQuery, type ConversationState } from '../../../lib/core/contract';
import type { TrustThresholds } from '../../../lib/core/policy/trust';
import { acceptInbound } from '../../../lib/features/intake/accept-inbound';
import { normalizeJson } from '../../../lib/features/intake/normalize';
import { createClaudeClient } from '../../../lib/platform/llm/claude-client';
import { noopObserver } from '../../../lib/platform/llm/observer';
import type { Mailer, OutgoingMail } from '../../../lib/platform/mail/mailer';
import { createActivities, type ActivityConfig } from '../../../worker/activities';
import type { conversationWorkflow } from '../../../worker/workflows';
import { createTempDb, type TempDb } from '../../support/temp-db';
import { createTimeSkippingEnv, workflowBundle } from '../../support/temporal-test-env';

export const MANAGERS = 'managers@countersign.local';

export interface RealStack {
  env: TestWorkflowEnvironment;
  store: TempDb;
  simulator: Awaited<ReturnType<typeof startClaudeSimulator>>;
  /** What the activities mailed: customer replies and notices to managers. */
  mail: OutgoingMail[];
  agent: { id: string; role: 'agent' };
  manager: { id: string; role: 'manager' };
  thresholds: TrustThresholds;
  /** A customer email through intake's own path (store, then signal-with-start). */
  deliver(email: { from: string; subject: string; text: string }): Promise<string>;
  waitFor(conversationId: string, predicate: (state: ConversationState) => boolean, what: string): Promise<ConversationState>;
}

/**
 * The conversation workflow under time skipping with its real activities: a migrated
 * PostgreSQL database, the Claude simulator (classify, draft, the second check), and a
 * recording mailer. What the test reads back (shadow records, trust, the audit trail) is
 * what the product wrote.
 */
export async function withRealStack(thresholds: TrustThresholds, body: (stack: RealStack) => Promise<void>): Promise<void> {
  const [env, store, simulator] = await Promise.all([createTimeSkippingEnv(), createTempDb(), startClaudeSimulator({ port: 0 })]);
  // The team's articles, as the worker seeds them at start.
  await seedKnowledge(path.join(PROJECT_ROOT, 'docs/knowledge'), store.db);
  try {
    const [agent, manager] = await Promise.all([
      store.db.user.create({ data: { email: 'agent@countersign.local', name: 'Agent Ada', role: 'agent' } }),
      store.db.user.create({ data: { email: 'manager@countersign.local', name: 'Manager Max', role: 'manager' } }),
    ]);
    // The explicit list is empty (shadow mode); a short hold keeps the skipped time small; agents'
    // approvals go out at once (the undo window has its own tests: tests/workflow/undo.test.ts).
    await store.db.setting.create({ data: { key: 'automation_policy', value: { autoSendCategories: [], holdSeconds: 60, undoSeconds: 0 } } });
    const mail: OutgoingMail[] = [];
    const mailer: Mailer = {
      async send(message) {
        mail.push(message);
        return { accepted: [message.to.address], rejected: [], response: '250 OK' };
      },
      close() {},
    };
    const config: ActivityConfig = {
      classifyModel: 'claude-haiku-4-5',
      draftModel: 'claude-sonnet-4-6',
      verifyModel: 'claude-haiku-4-5',
      categories: ['account', 'billing', 'technical', 'orders', 'feedback', 'other'],
      mailFrom: 'Support <support@countersign.local>',
      allowedLinkHosts: ['countersign.local'],
      autoSendHourlyCapPerSender: 100,
      autoSendHourlyCapGlobal: 1000,
      trustThresholds: thresholds,
      autonomyNotifyEmail: MANAGERS,
    };
    const claude = createClaudeClient({ apiKey: 'sim', baseURL: simulator.url, timeoutMs: 10_000 });
    const taskQueue = `autonomy-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: createActivities({ db: store.db, claude, mailer, observer: noopObserver, config }),
    });
    const deliver = async (email: { from: string; subject: string; text: string }) => {
      const json = { ...email, to: 'support@countersign.local', messageId: `<${randomUUID()}@customer.test>` };
      const result = await acceptInbound(
        { db: store.db, getClient: async () => env.client, config: { TEMPORAL_TASK_QUEUE: taskQueue } },
        normalizeJson(json, JSON.stringify(json).length),
      );
      return result.conversationId;
    };
    const waitFor = async (conversationId: string, predicate: (state: ConversationState) => boolean, what: string) => {
      const handle = env.client.workflow.getHandle<typeof conversationWorkflow>(conversationId);
      const deadline = Date.now() + 60_000;
      let state: ConversationState | undefined;
      while (Date.now() < deadline) {
        state = await handle.query(getConversationStateQuery).catch(() => undefined);
        if (state && predicate(state)) return state;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`timed out waiting for ${what} in ${conversationId}; last state ${JSON.stringify(state)}`);
    };
    await worker.runUntil(
      body({
        env,
        store,
        simulator,
        mail,
        agent: { id: agent.id, role: 'agent' },
        manager: { id: manager.id, role: 'manager' },
        thresholds,
        deliver,
        waitFor,
      }),
    );
  } finally {
    await Promise.allSettled([env.teardown(), simulator.close(), store.close()]);
  }
}
