'use server';

import { refresh } from 'next/cache';
import type { DecisionOutcome } from '@/lib/core/decisions/decision-outcome';
import { decisionInputSchema } from '@/lib/core/decisions/decision-schemas';
import { decideDraft } from '@/lib/features/conversations/decide-draft';
import { addParticipant } from '@/lib/features/conversations/participants/add-participant';
import { addParticipantSchema } from '@/lib/features/conversations/participants/schema';
import { ok } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';

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
