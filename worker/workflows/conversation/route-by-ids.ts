import type { Activities } from '../../activities';
import type { ModelCheckFacts } from '../../../lib/core/safety/grounding';
import type { ConversationMemory } from '../conversation-state';
import { runModelCheck } from '../model-check';
import { localDb, type Flow, type Outcome } from './flow';
import { hold } from './hold';
import type { Drafted, Routed } from './routed';

type Decided = Awaited<ReturnType<Activities['decideSendStored']>>;
type Checks = { grounding: ModelCheckFacts; emailCheck: ModelCheckFacts };

/**
 * Routing in runs with the ids-not-text patch: the same send decision
 * (lib/core/policy/send-decision.ts) on the same facts, taken by an activity that stores it.
 * The workflow holds the decision's id and verdict, the checks' statuses and the draft's codes,
 * so its history holds no claim, quote or reason; the route and the review's reason are written
 * from the stored decision.
 */
export async function routeByIds(flow: Flow, drafted: Drafted): Promise<Routed | undefined> {
  const { memory } = flow;
  const { classification, screeningFlags, draft } = drafted;
  const draftVersion = draft.draftVersion;
  const held = { classification, screeningFlags, problems: draft.problems };
  // With folded writes the decision at routing stores the route with it, and none is stored before the checks.
  const folded = flow.patches.foldedWrites;
  const decide = (checks?: Checks, liveOf?: string, route?: true) =>
    localDb.decideSendStored({
      conversationId: memory.conversationId,
      draftVersion,
      held,
      ...(checks ? { checks } : {}),
      ...(liveOf ? { liveOf } : {}),
      ...(route ? { route } : {}),
    });
  const routing = folded ? true : undefined;

  let decided = await decide(undefined, undefined, routing);
  let checks: Checks | undefined;
  if (decided.runModelChecks) {
    const input = { conversationId: memory.conversationId, draftVersion };
    const checked = await flow.unlessAgentTakesOver(() => Promise.all([runModelCheck('checkGrounding', input), runModelCheck('verifyDraft', input)]));
    if ('takenOver' in checked) return undefined;
    const [grounding, emailCheck] = checked.value;
    checks = { grounding, emailCheck };
    // Runs before folded writes: one live read per decision point, the checks joining the facts
    // read at routing (stored with the decision before them). Now nothing was stored before the
    // checks: the decision after them reads the live facts afresh, in the one read it makes.
    decided = await decide(checks, folded ? undefined : decided.decisionId, routing);
  }
  // A message that arrived meanwhile supersedes the draft (with folded writes its route is already recorded).
  if (memory.queue.length > 0) return void (await flow.supersede(draftVersion));
  const route = decided.send ? 'auto_send' : 'review';
  if (!folded) await flow.db.recordRoutingById({ conversationId: memory.conversationId, draftVersion, route, decisionId: decided.decisionId });
  memory.reasonDecisionId = decided.decisionId;
  return { route, reasons: [], hold: () => holdThenDecide(flow, draftVersion, decided, () => decide(checks)) };
}

/** The hold of a draft the decision let through; when it runs out the decision is taken again on live facts. */
async function holdThenDecide(flow: Flow, draftVersion: number, routed: Decided, decideAgain: () => Promise<Decided>): Promise<Outcome> {
  const ended = await hold(flow, draftVersion, routed.holdSeconds, false);
  if (ended !== 'expired') return ended;
  const final = await decideAgain();
  if (!final.send) {
    flow.memory.statusReason = undefined;
    flow.memory.reasonDecisionId = final.decisionId;
    return 'review';
  }
  return 'send';
}

/** A review's status with no reason of its own shows the stored decision's reasons (read by the activity). */
export function storedReason(memory: ConversationMemory, reason: string): { reasonDecisionId?: string } {
  return !reason && memory.reasonDecisionId ? { reasonDecisionId: memory.reasonDecisionId } : {};
}
