import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { temporal } from '@temporalio/proto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  CONVERSATION_WORKFLOW,
  getConversationStateQuery,
  inboundMessageSignal,
  type AutomationPolicy,
  type ConversationState,
} from '../../lib/core/contract';
import type { conversationWorkflow } from '../../worker/workflows';
import { createLocalEnv, createTimeSkippingEnv, workflowBundle } from '../support/temporal-test-env';
import { createFakeActivities, type FakeScript } from './fake-activities';

export const POLICY: AutomationPolicy = {
  autoSendEnabled: true,
  autoSendCategories: ['account', 'orders'],
  maxRiskScore: 30,
  minConfidence: 0.8,
  holdSeconds: 120,
  reviewSlaMinutes: 240,
  idleCloseHours: 168,
  // Agents' sends go out at once here; tests/workflow/undo.test.ts covers the undo window.
  undoSeconds: 0,
};

export const AGENT = { id: 'user-agent-1', role: 'agent' as const };
export const OTHER_AGENT = { id: 'user-agent-2', role: 'agent' as const };

export interface Run {
  env: TestWorkflowEnvironment;
  handle: WorkflowHandle<typeof conversationWorkflow>;
  calls: ReturnType<typeof createFakeActivities>['calls'];
  /** How many model calls were cancelled (an agent's own reply overtook them). */
  cancelled: ReturnType<typeof createFakeActivities>['cancelled'];
  conversationId: string;
  /** Delivers another customer message the way intake does (signal-with-start). */
  deliver: (messageId: string) => Promise<void>;
  waitFor: (predicate: (state: ConversationState) => boolean, what: string) => Promise<ConversationState>;
}

interface ConversationOptions {
  script?: FakeScript;
  policy?: Partial<AutomationPolicy>;
  continueAsNewAfterEvents?: number;
  /** The roster passed at start, as intake does; omitted = structural checks only. */
  actors?: Record<string, 'agent' | 'manager' | 'admin'>;
  /** A real dev server with real time, where the time-skipping server is unreliable (continue-as-new). */
  realTime?: boolean;
  /** With RECORD_WORKFLOW_HISTORIES=1, the history is saved for the replay test under this name. */
  recordAs?: string;
  /** Started as intake starts it: no policy, roster or draft version; the run reads them (script.setup). */
  bare?: boolean;
}

export const HISTORIES_DIR = new URL('./histories/', import.meta.url);

/**
 * Starts a conversation with one message and runs `body` while a worker with fakes polls.
 * Each conversation gets its own time-skipping server: a clock shared between tests lets
 * one test's timers hold up another's.
 */
export async function withConversation(
  options: ConversationOptions,
  body: (run: Run) => Promise<void>,
): Promise<void> {
  const env = options.realTime ? await createLocalEnv() : await createTimeSkippingEnv();
  try {
    await runConversation(env, options, body);
  } finally {
    await env.teardown();
  }
}

async function runConversation(
  env: TestWorkflowEnvironment,
  options: ConversationOptions,
  body: (run: Run) => Promise<void>,
): Promise<void> {
  const taskQueue = `test-${randomUUID()}`;
  const conversationId = `conv-${randomUUID()}`;
  const { activities, calls, cancelled } = createFakeActivities(options.script, { ...POLICY, ...options.policy });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities,
    // As in worker/main.ts: cancellations reach heartbeating activities within seconds.
    maxHeartbeatThrottleInterval: '2 seconds',
  });
  const deliver = async (messageId: string) => {
    await env.client.workflow.signalWithStart(CONVERSATION_WORKFLOW, {
      workflowId: conversationId,
      taskQueue,
      args: [
        options.bare
          ? { conversationId, continueAsNewAfterEvents: options.continueAsNewAfterEvents }
          : {
              conversationId,
              policy: { ...POLICY, ...options.policy },
              actors: options.actors,
              continueAsNewAfterEvents: options.continueAsNewAfterEvents,
            },
      ],
      signal: inboundMessageSignal,
      signalArgs: [{ messageId }],
    });
  };
  await worker.runUntil(async () => {
    await deliver('msg-1');
    const handle = env.client.workflow.getHandle<typeof conversationWorkflow>(conversationId);
    const waitFor = async (predicate: (state: ConversationState) => boolean, what: string) => {
      const deadline = Date.now() + 30_000;
      let state: ConversationState | undefined;
      while (Date.now() < deadline) {
        state = await handle.query(getConversationStateQuery);
        if (predicate(state)) return state;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`timed out waiting for ${what}; last state ${JSON.stringify(state)}`);
    };
    await body({ env, handle, calls, cancelled, conversationId, deliver, waitFor });
    if (options.recordAs && process.env.RECORD_WORKFLOW_HISTORIES === '1') {
      await mkdir(HISTORIES_DIR, { recursive: true });
      // Binary protobuf: exact, and independent of how JSON encodes enums across SDK versions.
      const history = temporal.api.history.v1.History.encode(await handle.fetchHistory()).finish();
      await writeFile(new URL(`${options.recordAs}.history.pb`, HISTORIES_DIR), history);
    }
  });
}

export const awaitingReview = (state: ConversationState) => state.status === 'awaiting_approval' && state.awaitingDecision;
export const statusIs = (status: ConversationState['status']) => (state: ConversationState) => state.status === status;

/**
 * The reason the dashboard shows for the newest review, as mirrored: since the ids-not-text
 * patch the workflow holds the stored decision's id, not its reasons (the query has none).
 */
export const mirroredReason = (calls: { mirrorStatus: Array<{ status: string; reason?: string }> }): string | undefined =>
  calls.mirrorStatus.filter((call) => call.status === 'awaiting_approval' || call.status === 'escalated').at(-1)?.reason;

/** Asserts that an update was refused by the workflow's validator with a matching reason. */
export async function expectRefusal(update: Promise<unknown>, reason: RegExp): Promise<void> {
  const error = await update.then(
    () => undefined,
    (failure: unknown) => failure as Error & { cause?: Error },
  );
  if (!error) throw new Error(`expected the update to be refused with ${reason}`);
  const message = error.cause?.message ?? error.message;
  if (!reason.test(message)) throw new Error(`refused with "${message}", expected ${reason}`);
}
