import type { Prisma } from '../../platform/db/generated/client';
import { getDb, type DbClient } from '../../platform/db';
import { decideSend, sendFactsOf, type HeldSendFacts, type SendFacts } from '../../core/policy/send-decision';
import type { ModelCheckFacts } from '../../core/safety/grounding';
import { readSendFactsWithStored, type LiveSendFacts, type SendFactsOptions } from './read-send-facts';
import { readEarlierSendFacts } from './send-facts-row';
import { recordRoutedDecision } from '../conversations/mirror/record-routing-by-id';

export interface DecideSendStoredInput {
  conversationId: string;
  draftVersion: number;
  /** What the workflow holds: codes and numbers, plus the draft problems of runs from before they were stored. */
  held: HeldSendFacts;
  /** The model checks as the workflow saw them: a status (their reasons are stored with the draft), or why one could not run. */
  checks?: { grounding: ModelCheckFacts; emailCheck: ModelCheckFacts };
  /** Decide on the live read of this earlier decision (the one before the model checks) instead of reading again. */
  liveOf?: string;
  /**
   * The decision at routing (runs with the folded-writes patch): stored with the draft's route in
   * one statement (recordRoutedDecision), in place of a recordRoutingById of its own. A decision
   * that only asks for the model checks is neither stored nor routed: the one after them is.
   */
  route?: true;
}

/** All the workflow gets back: no reason, claim or quote, only the stored decision's id. */
export interface DecideSendStoredResult {
  /** Empty when nothing was stored (`route`, and the model checks still to run). */
  decisionId: string;
  send: boolean;
  runModelChecks: boolean;
  holdSeconds: number;
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

/** A stored answer wins over the status the workflow carried (which has no reasons); a check that never ran stays as carried. */
function storedCheck(carried: ModelCheckFacts, stored: unknown): ModelCheckFacts {
  if (carried.status === 'passed' || carried.status === 'skipped') return carried;
  const row = stored as ModelCheckFacts | null;
  if (row?.status === carried.status) return carried.status === 'failed' ? { status: 'failed', reasons: (row as { reasons: string[] }).reasons } : { status: 'error', reason: (row as { reason: string }).reason };
  return carried;
}

/**
 * The send decision (lib/core/policy/send-decision.ts) taken inside an activity on the same
 * facts the workflow used to join: the live read, what the workflow holds, the draft's own
 * checks (stored with the draft) and the model checks' answers (stored in its shadow record).
 * The decision, whose reasons may quote the draft or the email, is stored; the workflow gets
 * its id and verdict only, so no history holds a finding.
 */
export async function decideSendStored(input: DecideSendStoredInput, options: SendFactsOptions, db: DbClient = getDb()): Promise<DecideSendStoredResult> {
  const { held } = input;
  // One statement for every read (the earlier decision's live read, or a new one, with the draft's stored checks).
  const { live, stored } = input.liveOf
    ? await readEarlierSendFacts({ conversationId: input.conversationId, draftVersion: input.draftVersion, decisionId: input.liveOf }, db).then((earlier) => ({
        live: earlier.live as LiveSendFacts,
        stored: earlier.stored,
      }))
    : await readSendFactsWithStored({ conversationId: input.conversationId, draftVersion: input.draftVersion, ...(held.classification.ok ? { category: held.classification.category } : {}) }, options, db);
  const { shadow } = stored;
  const checks: Pick<SendFacts, 'grounding' | 'emailCheck'> = input.checks
    ? { grounding: storedCheck(input.checks.grounding, shadow?.grounding ?? null), emailCheck: storedCheck(input.checks.emailCheck, shadow?.verification ?? null) }
    : {};
  const problems = [...new Set([...held.problems, ...stored.checkProblems])];
  const decision = decideSend(sendFactsOf(live, { ...held, problems }, checks));
  const holdSeconds = live.policy.holdSeconds;
  if (input.route) {
    if (decision.runModelChecks) return { decisionId: '', send: false, runModelChecks: true, holdSeconds };
    const route = decision.send ? 'auto_send' : 'review';
    const decisionId = await recordRoutedDecision({ conversationId: input.conversationId, draftVersion: input.draftVersion, route, decision: { ...decision, live } }, db);
    return { decisionId, send: decision.send, runModelChecks: false, holdSeconds };
  }
  const row = await db.sendDecisionRecord.create({
    data: {
      conversationId: input.conversationId,
      draftVersion: input.draftVersion,
      send: decision.send,
      reasons: decision.reasons,
      shadow: json(decision.shadow),
      layers: json(decision.layers),
      live: json(live),
    },
    select: { id: true },
  });
  return { decisionId: row.id, send: decision.send, runModelChecks: decision.runModelChecks, holdSeconds };
}
