'use server';

import { refresh } from 'next/cache';
import { isAuthError, requireActionUser } from '@/lib/web/auth';
import { decideDraft } from '@/lib/features/conversations/decide-draft';
import type { DecisionOutcome } from '@/lib/core/decisions/decision-outcome';
import { decisionInputSchema } from '@/lib/core/decisions/decision-schemas';

/**
 * Approve, reject, revise or cancel a held auto-send: authenticate, validate, hand the
 * decision to the workflow, and return a typed outcome for the form to show.
 */
export async function decideDraftAction(_previous: DecisionOutcome | null, input: unknown): Promise<DecisionOutcome> {
  let actor;
  try {
    actor = await requireActionUser('agent');
  } catch (error) {
    if (isAuthError(error)) return { ok: false, code: 'unauthorized', message: error.message };
    throw error;
  }
  const parsed = decisionInputSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, code: 'invalid', message: parsed.error.issues[0]?.message ?? 'That decision is not valid.' };
  }
  const outcome = await decideDraft({ ...parsed.data, actor: { id: actor.id, role: actor.role } });
  // Success or "someone got there first": either way the page should show the new state.
  if (outcome.ok || outcome.code !== 'unavailable') refresh();
  return outcome;
}
