import type { DbClient } from '../../platform/db/client';
import { isRole } from '../../core/roles';
import { appendEvent } from '../timeline/append-event';
import { recordAudit } from '../audit/record-audit';
import { isRoundRobinEnabled } from './round-robin-setting';

const TURN_ROW = 'default';

/**
 * Gives a conversation that just arrived to the available agent who was given one longest
 * ago (never first, then by id): the one place round-robin is decided. Called inside the
 * intake's own transaction, so the conversation and its owner commit together. Bumping the
 * turn row first locks it until that transaction ends, so concurrent intakes on any node
 * pick one after another and never hand out the same turn twice. Returns the assignee's id,
 * or null (round-robin off, nobody available).
 */
export async function assignRoundRobin(conversationId: string, tx: DbClient, now = new Date()): Promise<string | null> {
  if (!(await isRoundRobinEnabled(tx))) return null;
  await tx.roundRobinTurn.update({ where: { id: TURN_ROW }, data: { turn: { increment: 1 } } });
  const available = await tx.agentAvailability.findMany({ where: { available: true }, orderBy: [{ lastAssignedAt: { sort: 'asc', nulls: 'first' } }, { userId: 'asc' }] });
  if (available.length === 0) return null;
  const users = await tx.user.findMany({ where: { id: { in: available.map((row) => row.userId) }, disabledAt: null }, select: { id: true, name: true, role: true } });
  const usable = new Map(users.filter((user) => isRole(user.role)).map((user) => [user.id, user]));
  const next = available.map((row) => usable.get(row.userId)).find((user) => user !== undefined);
  if (!next) return null;
  await tx.agentAvailability.update({ where: { userId: next.id }, data: { lastAssignedAt: now } });
  await tx.conversation.update({ where: { id: conversationId }, data: { assigneeId: next.id } });
  await appendEvent({ conversationId, key: 'assigned:round_robin', type: 'assigned', data: { assigneeId: next.id, assigneeName: next.name, previousAssigneeId: null, how: 'round_robin' }, at: now }, tx);
  await recordAudit({ actorId: null, action: 'conversation.assign.round_robin', target: `conversation:${conversationId}`, after: { assigneeId: next.id } }, tx);
  return next.id;
}
