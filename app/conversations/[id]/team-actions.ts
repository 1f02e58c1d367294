'use server';

import { refresh } from 'next/cache';
import { assignConversation } from '@/lib/features/assignment/assign-conversation';
import { assignSchema } from '@/lib/features/assignment/assign-schema';
import { addNote } from '@/lib/features/notes/add-note';
import { addNoteSchema } from '@/lib/features/notes/note-schema';
import { ok } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';

/** Take a conversation, give it to a colleague, or unassign it. */
export const assignAction = serverAction({ role: 'agent', schema: assignSchema }, async (input, actor) => {
  const { assignee, changed } = await assignConversation({ ...input, actorId: actor.id });
  refresh();
  return ok({ assigneeName: assignee?.name ?? null, changed });
});

/** Leave the team a note; @mentions notify the people named. */
export const addNoteAction = serverAction({ role: 'agent', schema: addNoteSchema }, async (input, actor) => {
  const { mentioned } = await addNote({ ...input, authorId: actor.id });
  refresh();
  return ok({ mentioned: mentioned.map((person) => person.name) });
});
