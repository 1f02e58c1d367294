import path from 'node:path';
import { seedKnowledge } from '../../../../lib/features/knowledge/seed-knowledge';
import { PROJECT_ROOT } from '../../../../devstack/project-root';
import { MockActivityEnvironment } from '@temporalio/testing';
import { startClaudeSimulator } from '../../../../devstack/claude-simulator';
import { createClaudeClient } from '../../../../lib/platform/llm/claude-client';
import { noopObserver, type GenerationRecord, type LlmObserver, type ScoreRecord } from '../../../../lib/platform/llm/observer';
import type { Mailer, OutgoingMail } from '../../../../lib/platform/mail/mailer';
import { createActivities, type ActivityDeps } from '../../../../worker/activities';
import { createTempDb, type TempDb } from '../../../support/temp-db';

export interface ActivityFixture {
  store: TempDb;
  simulator: Awaited<ReturnType<typeof startClaudeSimulator>>;
  activities: ReturnType<typeof createActivities>;
  /** What the activities were built with (for helpers they share, such as the model-turn loop). */
  deps: ActivityDeps;
  sent: OutgoingMail[];
  generations: GenerationRecord[];
  scores: ScoreRecord[];
  /** Makes the next sends fail with this SMTP code (or a thrown error without one). */
  failNextSends(count: number, responseCode?: number, response?: string): void;
  /** Runs an activity as Temporal would, with a given attempt number. */
  run<A extends unknown[], R>(fn: (...args: A) => Promise<R>, args: A, attempt?: number): Promise<R>;
  close(): Promise<void>;
}

/**
 * Real activities over a real PostgreSQL database and the simulator; a recording mailer and
 * observer. `deps.observer` (a real LangFuse observer, say) also receives everything recorded.
 */
export async function createActivityFixture(
  config: Partial<ActivityDeps['config']> = {},
  deps: Partial<Pick<ActivityDeps, 'observer' | 'prompts'>> = {},
): Promise<ActivityFixture> {
  const [store, simulator] = await Promise.all([createTempDb(), startClaudeSimulator({ port: 0 })]);
  // The team's articles, as the worker seeds them at start.
  await seedKnowledge(path.join(PROJECT_ROOT, 'docs/knowledge'), store.db);
  const sent: OutgoingMail[] = [];
  const generations: GenerationRecord[] = [];
  const scores: ScoreRecord[] = [];
  let failures: { count: number; code?: number; response?: string } = { count: 0 };
  let activityCount = 0;
  const mailer: Mailer = {
    async send(mail) {
      if (failures.count > 0) {
        failures.count -= 1;
        throw Object.assign(new Error(failures.response ?? `SMTP ${failures.code ?? 'connection'} failure`), { responseCode: failures.code });
      }
      sent.push(mail);
      return { accepted: [mail.to.address], rejected: [], response: '250 OK' };
    },
    close() {},
  };
  const forward = deps.observer ?? noopObserver;
  // Methods, not a spread: a class instance keeps its methods on the prototype.
  const observer: LlmObserver = {
    recordTicket: (record) => forward.recordTicket(record),
    recordDatasetItem: (record) => forward.recordDatasetItem(record),
    flush: () => forward.flush(),
    shutdown: () => forward.shutdown(),
    recordGeneration: (record) => {
      generations.push(record);
      forward.recordGeneration(record);
    },
    recordScore: (record) => {
      scores.push(record);
      forward.recordScore(record);
    },
  };
  const activityDeps: ActivityDeps = {
    prompts: deps.prompts,
    db: store.db,
    claude: createClaudeClient({ apiKey: 'sim', baseURL: simulator.url, timeoutMs: 10_000 }),
    mailer,
    observer,
    config: {
      classifyModel: 'claude-haiku-4-5',
      draftModel: 'claude-sonnet-4-6',
      categories: ['account', 'billing', 'technical', 'orders', 'feedback', 'other'],
      mailFrom: 'Support <support@countersign.local>',
      allowedLinkHosts: ['countersign.local'],
      autoSendHourlyCapPerSender: 3,
      autoSendHourlyCapGlobal: 100,
      ...config,
    },
  };
  return {
    store,
    simulator,
    activities: createActivities(activityDeps),
    deps: activityDeps,
    sent,
    generations,
    scores,
    failNextSends: (count, code, response) => {
      failures = { count, code, response };
    },
    // Each call is a distinct activity (as in a workflow), unless it is a retry (attempt > 1).
    run: (fn, args, attempt = 1) => {
      if (attempt === 1) activityCount += 1;
      return new MockActivityEnvironment({
        attempt,
        activityId: String(activityCount),
        workflowExecution: { workflowId: 'conv-test', runId: 'run-1' },
      }).run(fn, ...args);
    },
    close: async () => {
      await Promise.all([store.close(), simulator.close()]);
    },
  };
}

/** A conversation with one inbound message, as intake stores it. */
export async function seedInbound(fixture: ActivityFixture, text = 'Hi, how do I reset my password? Thanks, Maria') {
  const conversation = await fixture.store.db.conversation.create({
    data: {
      id: 'conv-test',
      rootMessageId: '<root@example.com>',
      subject: 'Password reset',
      customerEmail: 'maria@example.com',
      customerAddress: 'maria@example.com',
      status: 'received',
      lastMessageAt: new Date(),
      lastMessagePreview: text.slice(0, 100),
      messageCount: 1,
    },
  });
  const message = await fixture.store.db.message.create({
    data: {
      conversationId: conversation.id,
      direction: 'inbound',
      messageIdHeader: '<root@example.com>',
      dedupeKey: 'in:seed-root',
      fromAddress: 'maria@example.com',
      senderAddress: 'maria@example.com',
      fromName: 'Maria',
      subject: 'Password reset',
      textBody: text,
      sentAt: new Date(),
    },
  });
  return { conversationId: conversation.id, messageId: message.id };
}
