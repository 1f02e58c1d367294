import { routeDraft, type RoutingFacts } from '../../../lib/core/policy/route-draft';
import { decideSend, sendFactsOf, type HeldSendFacts, type SendFacts } from '../../../lib/core/policy/send-decision';
import { runModelCheck } from '../model-check';
import { verificationFailure } from '../verification-failure';
import { localDb, verifier, type Flow, type Outcome } from './flow';
import { hold } from './hold';
import type { Drafted, Routed } from './routed';
import { routeByIds } from './route-by-ids';

/**
 * Routes a fresh draft and records the route. Undefined when an agent's own reply took over or
 * a newer customer message superseded the draft (already marked).
 */
export async function routeAndRecord(flow: Flow, drafted: Drafted): Promise<Routed | undefined> {
  const { memory, db } = flow;
  const { classification, screeningFlags, draft } = drafted;
  const draftVersion = draft.draftVersion;
  if (flow.patches.idsNotText()) return routeByIds(flow, drafted);
  if (flow.patches.sendDecision()) {
    const routed = await decideDraft(flow, draftVersion, { classification, screeningFlags, problems: draft.problems });
    if (routed === 'taken_over') return undefined;
    if (memory.queue.length > 0) return void (await flow.supersede(draftVersion));
    const { decision } = routed;
    const route = decision.send ? 'auto_send' : 'review';
    await db.recordRouting({ conversationId: memory.conversationId, draftVersion, route, reasons: decision.reasons, shadow: decision.shadow, layers: decision.layers });
    return { route, reasons: decision.reasons, hold: () => holdThenDecide(flow, draftVersion, routed) };
  }

  // Runs that routed before the one send decision: the older layers, replayed as recorded.
  const facts: RoutingFacts = {
    classification,
    screeningFlags,
    draftProblems: draft.problems,
    draftStopReason: flow.patches.needsPerson ? draft.stopReason : undefined,
  };
  if (flow.patches.earnedAutonomy()) {
    const assessed = await assessDraft(flow, draftVersion, facts);
    if (assessed === 'taken_over') return undefined;
    if (memory.queue.length > 0) return void (await flow.supersede(draftVersion));
    Object.assign(facts, assessed);
  }
  const routing = routeDraft(flow.policy, facts);
  await db.recordRouting({ conversationId: memory.conversationId, draftVersion, ...routing });
  return { route: routing.route, reasons: routing.reasons, hold: () => holdForAutoSend(flow, draftVersion) };
}

const readLive = (flow: Flow, draftVersion: number, held: HeldSendFacts) =>
  localDb.readSendFacts({
    conversationId: flow.memory.conversationId,
    draftVersion,
    ...(held.classification.ok ? { category: held.classification.category } : {}),
  });

interface Decided {
  held: HeldSendFacts;
  checks: Pick<SendFacts, 'grounding' | 'emailCheck'>;
  holdSeconds: number;
}

/**
 * The send decision on a draft, with the model checks run only when every deterministic
 * layer about the draft passed (they cost a call each and can only add a no).
 */
async function decideDraft(flow: Flow, draftVersion: number, held: HeldSendFacts) {
  const live = await readLive(flow, draftVersion, held);
  let facts = sendFactsOf(live, held);
  let decision = decideSend(facts);
  if (decision.runModelChecks) {
    const input = { conversationId: flow.memory.conversationId, draftVersion };
    const checked = await flow.unlessAgentTakesOver(() => Promise.all([runModelCheck('checkGrounding', input), runModelCheck('verifyDraft', input)]));
    if ('takenOver' in checked) return 'taken_over' as const;
    const [grounding, emailCheck] = checked.value;
    facts = sendFactsOf(live, held, { grounding, emailCheck });
    decision = decideSend(facts);
  }
  return { decision, held, checks: { grounding: facts.grounding, emailCheck: facts.emailCheck }, holdSeconds: live.policy.holdSeconds };
}

/** The hold of a draft the send decision let through; when it runs out the decision is taken again on live facts. */
async function holdThenDecide(flow: Flow, draftVersion: number, routed: Decided): Promise<Outcome> {
  const ended = await hold(flow, draftVersion, routed.holdSeconds, false);
  if (ended !== 'expired') return ended;
  const final = decideSend(sendFactsOf(await readLive(flow, draftVersion, routed.held), routed.held, routed.checks));
  if (!final.send) {
    flow.memory.statusReason = final.reasons.join('; ');
    return 'review';
  }
  return 'send';
}

/** The hold of runs from before the one send decision: the live gate is an activity of its own. */
async function holdForAutoSend(flow: Flow, draftVersion: number): Promise<Outcome> {
  // Runs without local mirror writes started a zero-second timer; they replay with it.
  const ended = await hold(flow, draftVersion, flow.policy.holdSeconds, !flow.patches.localMirror);
  if (ended !== 'expired') return ended;
  // The hold ran out: ask the live settings (kill switch, hourly caps) and the draft itself before sending.
  const gate = await flow.db.authorizeAutoSend({ conversationId: flow.memory.conversationId, draftVersion });
  if (!gate.allowed) {
    flow.memory.statusReason = gate.reasons.join('; ');
    return 'review';
  }
  return 'send';
}

/**
 * The facts only live reads and a second model can give (runs from before the one send
 * decision): whether the category may auto-send now, and the independent check of the draft,
 * run only on a draft every other layer lets through.
 */
async function assessDraft(flow: Flow, draftVersion: number, facts: RoutingFacts): Promise<Pick<RoutingFacts, 'categoryAutoSend' | 'verification'> | 'taken_over'> {
  const categoryAutoSend = facts.classification.ok ? await flow.db.readCategoryAutoSend({ category: facts.classification.category }) : undefined;
  if (!routeDraft(flow.policy, { ...facts, categoryAutoSend }).shadow.wouldAutoSend) return { categoryAutoSend, verification: { status: 'skipped' } };
  const checked = await flow.unlessAgentTakesOver(() =>
    verifier.verifyDraft({ conversationId: flow.memory.conversationId, draftVersion }).catch(verificationFailure),
  );
  if ('takenOver' in checked) return 'taken_over';
  return { categoryAutoSend, verification: checked.value };
}
