import { getDb, type Db } from '../../platform/db';
import { appendEvent } from '../timeline/append-event';
import { recordAudit } from '../audit/record-audit';
import { notify, type NotifyDeps } from '../notifications/notify';
import { requireAssignableUser, type AssignableUser } from './assignable-user';
import { AssignmentError } from './assignment-error';
import { signalAssigneeWith, type SignalAssignee } from './signal-assignee';

export interface AssignConversationInput {
  conversationId: string;
  /** Who gets it; null unassigns. */
  assigneeId: string | null;
  /** Who acts: the signed-in person. */
  actorId: string;
  /**
   * Who owned it on the agent's screen. When someone else changed it meanwhile, the change is
   * refused rather than silently taking the conversation from a colleague. Omit to overwrite.
   */
  expectedAssigneeId?: string | null;
}

export interface AssignConversationResult {
  assignee: AssignableUser | null;
  changed: boolean;
}

/**
 * Takes, assigns or unassigns a conversation: the owner, a timeline entry and an audit row
 * commit together, then the new owner is told (unless they assigned themselves). The owner
 * changes by a conditional update, so of two agents taking the same conversation at once
 * exactly one wins and the other is told who did.
 */
export async function assignConversation(
  input: AssignConversationInput,
  db: Db = getDb(),
  deps?: Partial<NotifyDeps> & { signalAssignee?: SignalAssignee },
): Promise<AssignConversationResult> {
  const result = await db.$transaction(async (tx) => {
    const assignee = input.assigneeId === null ? null : await requireAssignableUser(input.assigneeId, tx);
    const current = await tx.conversation.findUnique({ where: { id: input.conversationId }, select: { assigneeId: true } });
    if (!current) throw new AssignmentError('not_found', 'This conversation no longer exists.');
    const expected = input.expectedAssigneeId === undefined ? current.assigneeId : input.expectedAssigneeId;
    if (current.assigneeId === (assignee?.id ?? null)) return { assignee, changed: false, previous: current.assigneeId };
    const updated = await tx.conversation.updateMany({ where: { id: input.conversationId, assigneeId: expected }, data: { assigneeId: assignee?.id ?? null } });
    if (updated.count === 0) throw await changedMeanwhile(input.conversationId, tx);
    const how = assignee === null ? 'unassign' : assignee.id === input.actorId ? 'take' : 'assign';
    await appendEvent(
      {
        conversationId: input.conversationId,
        key: `assigned:${crypto.randomUUID()}`,
        type: 'assigned',
        data: { assigneeId: assignee?.id ?? null, assigneeName: assignee?.name ?? null, previousAssigneeId: expected, how },
        actorId: input.actorId,
      },
      tx,
    );
    await recordAudit(
      { actorId: input.actorId, action: 'conversation.assign', target: `conversation:${input.conversationId}`, before: { assigneeId: expected }, after: { assigneeId: assignee?.id ?? null } },
      tx,
    );
    return { assignee, changed: true, previous: expected };
  });
  // Not awaited: the owner is stored; the workflow's search attribute follows when Temporal answers.
  if (result.changed) void (deps?.signalAssignee ?? signalAssigneeWith())(input.conversationId, result.assignee?.id ?? null);
  if (result.changed && result.assignee && result.assignee.id !== input.actorId) {
    await notify({ kind: 'assignment', conversationId: input.conversationId, assigneeId: result.assignee.id, actorId: input.actorId }, { db, ...deps });
  }
  return { assignee: result.assignee, changed: result.changed };
}

async function changedMeanwhile(conversationId: string, db: Pick<Db, 'conversation' | 'user'>): Promise<AssignmentError> {
  const now = await db.conversation.findUnique({ where: { id: conversationId }, select: { assigneeId: true } });
  const owner = now?.assigneeId ? await db.user.findUnique({ where: { id: now.assigneeId }, select: { name: true } }) : null;
  return new AssignmentError('changed_meanwhile', owner ? `${owner.name} took this conversation a moment ago; nothing was changed.` : 'Someone changed who owns this conversation a moment ago; nothing was changed.');
}
