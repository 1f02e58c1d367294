'use server';

import { refresh } from 'next/cache';
import { bulkLifecycleSchema } from '@/lib/core/conversation/lifecycle-schemas';
import { changeLifecycleMany } from '@/lib/features/conversations/lifecycle/change-lifecycle-many';
import { tagChangeSchema } from '@/lib/core/conversation/tags';
import { setConversationTags } from '@/lib/features/conversations/tags/set-conversation-tags';
import { assignManySchema } from '@/lib/features/assignment/assign-schema';
import { assignMany } from '@/lib/features/assignment/assign-many';
import { ok } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';

/** One lifecycle change over the inbox selection; each conversation's workflow decides for itself. */
export const bulkLifecycleAction = serverAction({ role: 'agent', schema: bulkLifecycleSchema }, async (input, actor) => {
  const outcome = await changeLifecycleMany({ ...input, actor: { id: actor.id, role: actor.role } });
  refresh();
  return ok(outcome);
});

/** Adds or removes people's tags on a selection (or one conversation): all of them, or none. */
export const tagConversationsAction = serverAction({ role: 'agent', schema: tagChangeSchema }, async (input, actor) => {
  const outcome = await setConversationTags({ ...input, actorId: actor.id });
  refresh();
  return ok(outcome);
});

/** Gives the selection to one person (or nobody); an unknown or disabled person changes nothing. */
export const bulkAssignAction = serverAction({ role: 'agent', schema: assignManySchema }, async (input, actor) => {
  const outcome = await assignMany({ ...input, actorId: actor.id });
  refresh();
  return ok(outcome);
});
