import * as wf from '@temporalio/workflow';
import type { ConversationWorkflowInput } from '../../lib/core/contract';
import { ConversationMemory } from './conversation-state';
import { classifyAndDraft } from './conversation/classify-and-draft';
import { readyToContinueAsNew } from './conversation/continue-as-new';
import { createFlow, localDb, type Flow, type Outcome } from './conversation/flow';
import { readPatches } from './conversation/patches';
import { restUntilWork } from './conversation/rest';
import { routeAndRecord } from './conversation/route-and-hold';
import type { Routed } from './conversation/routed';
import { registerSearchAttributes } from './conversation/search-attributes';
import { sendAgentAction, sendDraft } from './conversation/send';
import { undoWindow } from './conversation/undo-window';
import { waitForPeople } from './conversation/wait-for-people';
import { registerHandlers } from './handlers';

export { EARNED_AUTONOMY_PATCH, LIFECYCLE_PATCH, LOCAL_MIRROR_PATCH, NEEDS_PERSON_PATCH, SEND_DECISION_PATCH } from './conversation/patch-ids';

/** Continue-as-new well before Temporal's history limits; long threads keep going. */
const DEFAULT_HISTORY_EVENTS_LIMIT = 5_000;

/**
 * One conversation (email thread): classify and draft each customer message, then either
 * auto-send after a cancellable hold or wait for an agent, and send the reply exactly once.
 * When Claude cannot produce a usable answer the conversation waits for a person, who can
 * always write the reply themselves. Each phase is a module in ./conversation/; every patch
 * branch is read in ./conversation/patches.ts.
 */
export async function conversationWorkflow(input: ConversationWorkflowInput): Promise<void> {
  const memory = new ConversationMemory(input);
  const patches = readPatches();
  memory.agentReplies = patches.needsPerson;
  memory.decisionsWaitForRecord = patches.localMirror;
  memory.lifecycle = patches.lifecycle;
  registerHandlers(memory);
  registerSearchAttributes(memory, patches);
  const flow = createFlow(memory, patches, input.policy ?? (await loadSetup(memory)));
  const { policy } = flow;

  for (;;) {
    if (memory.queue.length === 0 && !flow.agentActionWaiting() && !(await restUntilWork(flow))) break;
    if (flow.agentActionWaiting()) {
      const undone = await sendAgentAction(flow);
      // The agent took back their own reply: it waits for review like any draft, with their text.
      if (undone !== undefined) await respond(flow, undone, { route: 'review', reasons: ['The agent undid their reply'], hold: () => Promise.resolve('review') });
    } else {
      await answerQueued(flow);
    }

    const info = wf.workflowInfo();
    const historyLimit = input.continueAsNewAfterEvents ?? DEFAULT_HISTORY_EVENTS_LIMIT;
    if (memory.queue.length === 0 && !flow.agentActionWaiting() && (info.continueAsNewSuggested || info.historyLength > historyLimit)) {
      if (!(await readyToContinueAsNew(flow))) continue;
      await wf.continueAsNew<typeof conversationWorkflow>({
        ...input,
        policy,
        pendingMessageIds: memory.queue,
        status: memory.status,
        actors: memory.actors,
        lastDraftVersion: memory.lastDraftVersion,
        seenMessageIds: memory.seen,
        ...(memory.failedSend ? { failedSend: memory.failedSend } : {}),
        ...(memory.parked ? { parked: memory.parked } : {}),
      });
    }
  }
  await wf.condition(wf.allHandlersFinished);
}

/**
 * A bare run reads what intake used to pass in. A roster signalled meanwhile is newer and is
 * kept (possible when a slow read outlasts the workflow task and the signal lands first).
 */
async function loadSetup(memory: ConversationMemory) {
  const setup = await localDb.loadConversationSetup({ conversationId: memory.conversationId });
  if (!memory.rosterSignalled) memory.actors = setup.actors;
  memory.lastDraftVersion = Math.max(memory.lastDraftVersion, setup.lastDraftVersion);
  return setup.policy;
}

/** Records every queued message; only the newest one that a person wrote gets a reply. */
async function answerQueued(flow: Flow): Promise<void> {
  const { memory } = flow;
  const batch = memory.queue.splice(0);
  let newest: { messageId: string; screeningFlags: string[] } | undefined;
  for (const messageId of batch) {
    const prepared = await flow.db.prepareInboundMessage({ conversationId: memory.conversationId, messageId });
    memory.processed += 1;
    if (!prepared.automated) newest = { messageId, screeningFlags: prepared.screeningFlags };
  }
  if (newest) {
    const drafted = await classifyAndDraft(flow, newest.messageId, newest.screeningFlags);
    const routed = drafted && (await routeAndRecord(flow, drafted));
    if (routed) await respond(flow, drafted.draft.draftVersion, routed);
  } else if (memory.status === 'received') {
    await flow.setStatus('closed', { reason: 'Automated mail: recorded, never answered' });
  }
}

/** A send the policy made (not an agent's approval of the same version). */
const isAuto = (flow: Flow, routed: Routed, version: number) => routed.route === 'auto_send' && !flow.memory.decidedVersions.has(version);

/** After routing: the hold, or the wait for people; then send, reject or step aside for newer mail. */
async function respond(flow: Flow, draftVersion: number, routed: Routed): Promise<void> {
  const { memory } = flow;
  let outcome: Outcome = routed.route === 'auto_send' ? await routed.hold() : 'review';
  let version = draftVersion;
  for (;;) {
    if (outcome === 'review') {
      outcome = await waitForPeople(flow, version, routed.reasons);
      version = memory.openDraftVersion ?? version;
    }
    if (outcome !== 'person') {
      memory.openDraftVersion = undefined;
      memory.phase = 'idle';
    }
    const byPeople = outcome === 'send' && !isAuto(flow, routed, version);
    // An agent's send waits its undo window; undone, the draft is back for review.
    if (byPeople && (await undoWindow(flow, version)) === 'undone') outcome = 'review';
    else break;
  }
  switch (outcome) {
    case 'send':
      return sendDraft(flow, version, isAuto(flow, routed, version));
    case 'rejected':
      return flow.setStatus('rejected', { reason: 'The agent rejected the draft; nothing was sent' });
    case 'superseded':
      return flow.supersede(version);
    case 'review':
    case 'person':
    case 'taken_over':
      return;
  }
}
