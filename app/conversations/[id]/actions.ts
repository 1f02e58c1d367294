'use server';

import { refresh } from 'next/cache';
import type { DecisionOutcome, ReplyOutcome } from '@/lib/core/decisions/decision-outcome';
import { replyInputSchema } from '@/lib/core/decisions/reply-schemas';
import { sendAgentReply } from '@/lib/features/conversations/send-agent-reply';
import { decisionInputSchema } from '@/lib/core/decisions/decision-schemas';
import { decideDraft } from '@/lib/features/conversations/decide-draft';
import { addParticipant } from '@/lib/features/conversations/participants/add-participant';
import { addParticipantSchema } from '@/lib/features/conversations/participants/schema';
import { ok } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';
import { autoSentReviewSchema } from '@/lib/core/policy/autonomy-schemas';
import { reviewAutoSentReply } from '@/lib/features/autonomy/review-auto-sent-reply';
import { applySavedReply } from '@/lib/features/saved-replies/apply-saved-reply';
import { listSavedReplies } from '@/lib/features/saved-replies/list-saved-replies';
import { applySavedReplySchema, listOfferedSchema } from '@/lib/features/saved-replies/schema';
import { undoSendSchema } from '@/lib/core/decisions/undo-schemas';
import { undoSend, type UndoOutcome } from '@/lib/features/conversations/undo-send';
import { lifecycleInputSchema } from '@/lib/core/conversation/lifecycle-schemas';
import { changeLifecycle, type LifecycleOutcome } from '@/lib/features/conversations/lifecycle/change-lifecycle';

/**
 * Approve, reject, revise or cancel a held auto-send: hand the decision to the workflow and
 * return a typed outcome for the form to show.
 */
export const decideDraftAction = serverAction<typeof decisionInputSchema, DecisionOutcome>(
  {
    role: 'agent',
    schema: decisionInputSchema,
    onInvalid: (error) => ({ ok: false, code: 'invalid', message: error.issues[0]?.message ?? 'That decision is not valid.' }),
    onRefused: (error) => ({ ok: false, code: 'unauthorized', message: error.message }),
  },
  async (input, actor) => {
    const outcome = await decideDraft({ ...input, actor: { id: actor.id, role: actor.role } });
    // Success or "someone got there first": either way the page should show the new state.
    if (outcome.ok || outcome.code !== 'unavailable') refresh();
    return outcome;
  },
);

/** Lets the sender of a kept-apart message into the conversation it claimed to reply to. */
export const addParticipantAction = serverAction({ role: 'agent', schema: addParticipantSchema }, async (input, actor) => {
  const { address } = await addParticipant({ ...input, actorId: actor.id });
  refresh();
  return ok({ address });
});

/**
 * Send the agent's own reply, or resend a failed or uncertain one after they confirmed what the
 * outbox shows: both go through the workflow and its send ledger.
 */
export const sendAgentReplyAction = serverAction<typeof replyInputSchema, ReplyOutcome>(
  {
    role: 'agent',
    schema: replyInputSchema,
    onInvalid: (error) => ({ ok: false, code: 'invalid', message: error.issues[0]?.message ?? 'That reply is not valid.' }),
    onRefused: (error) => ({ ok: false, code: 'unauthorized', message: error.message }),
  },
  async (input, actor) => {
    const outcome = await sendAgentReply({ ...input, actor: { id: actor.id, role: actor.role } });
    if (outcome.ok || outcome.code !== 'unavailable') refresh();
    return outcome;
  },
);

/**
 * An agent's review of a reply that went out automatically: fine, or "should not have gone
 * out" with a reason. It counts towards the category's trust (a run of these switches
 * auto-send off by itself); audited.
 */
export const reviewAutoSentReplyAction = serverAction({ role: 'agent', schema: autoSentReviewSchema }, async (input, actor) => {
  const { demotion } = await reviewAutoSentReply({ id: actor.id, role: actor.role }, input);
  refresh();
  return ok({ demoted: demotion?.summary ?? null });
});

/** The saved replies an agent may insert (the picker asks when it opens). */
export const listSavedRepliesAction = serverAction({ role: 'agent', schema: listOfferedSchema }, async () => {
  const replies = await listSavedReplies();
  return ok(replies.map((reply) => ({ id: reply.id, title: reply.title, preview: reply.body.slice(0, 160) })));
});

/**
 * A saved reply rendered for this conversation and agent, counted as used; a variable with no
 * value comes back as a message naming it, and nothing is inserted.
 */
export const applySavedReplyAction = serverAction({ role: 'agent', schema: applySavedReplySchema }, async (input, actor) => {
  return ok(await applySavedReply({ ...input, agentName: actor.name }));
});
/** Close, reopen, snooze or mark waiting on the customer: the workflow decides whether it may. */
export const changeLifecycleAction = serverAction<typeof lifecycleInputSchema, LifecycleOutcome>(
  {
    role: 'agent',
    schema: lifecycleInputSchema,
    onInvalid: (error) => ({ ok: false, code: 'invalid', message: error.issues[0]?.message ?? 'That change is not valid.' }),
    onRefused: (error) => ({ ok: false, code: 'unauthorized', message: error.message }),
  },
  async (input, actor) => {
    const outcome = await changeLifecycle({ ...input, actor: { id: actor.id, role: actor.role } });
    if (outcome.ok || outcome.code !== 'unavailable') refresh();
    return outcome;
  },
);

/** Undo of an agent's send while its window is open: nothing reaches SMTP, the draft comes back. */
export const undoSendAction = serverAction<typeof undoSendSchema, UndoOutcome>(
  {
    role: 'agent',
    schema: undoSendSchema,
    onInvalid: (error) => ({ ok: false, code: 'invalid', message: error.issues[0]?.message ?? 'That undo is not valid.' }),
    onRefused: (error) => ({ ok: false, code: 'unauthorized', message: error.message }),
  },
  async (input, actor) => {
    const outcome = await undoSend({ ...input, actor: { id: actor.id, role: actor.role } });
    if (outcome.ok || outcome.code !== 'unavailable') refresh();
    return outcome;
  },
);
