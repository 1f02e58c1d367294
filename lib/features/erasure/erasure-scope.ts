import { z } from 'zod';
import type { DbClient } from '../../platform/db/client';
import { getDb } from '../../platform/db';

const ids = z.array(z.string());

export interface ErasureScope {
  kind: 'customer' | 'retention';
  /** Lower case; only while the erasure runs (null for retention batches and once done). */
  address: string | null;
  /** Whole conversations to delete (the customer's own, or the expired ones). */
  conversationIds: string[];
  /** The customer's messages inside other people's conversations (they wrote in a thread as a participant). */
  messageIds: string[];
}

/** The request's scope as fixed by its first step, so every retry of every step sees the same set. */
export async function readErasureScope(erasureId: string, db: DbClient = getDb()): Promise<ErasureScope> {
  const row = await db.erasureRequest.findUniqueOrThrow({ where: { id: erasureId } });
  return {
    kind: row.kind === 'retention' ? 'retention' : 'customer',
    address: row.address,
    conversationIds: ids.parse(row.conversationIds),
    messageIds: ids.parse(row.messageIds),
  };
}

/**
 * Fixes what a customer erasure covers: every conversation whose customer is the address, and
 * every message they sent into someone else's. A retention batch was fixed when it was opened.
 */
export async function scopeErasure(erasureId: string, db: DbClient = getDb()): Promise<ErasureScope> {
  const scope = await readErasureScope(erasureId, db);
  if (scope.kind === 'retention' || !scope.address) return scope;
  const address = { equals: scope.address, mode: 'insensitive' } as const;
  const conversations = await db.conversation.findMany({
    where: { OR: [{ customerAddress: address }, { customerEmail: address }] },
    select: { id: true },
  });
  const conversationIds = conversations.map((row) => row.id);
  const messages = await db.message.findMany({
    where: { conversationId: { notIn: conversationIds }, OR: [{ senderAddress: address }, { fromAddress: address }] },
    select: { id: true },
  });
  const messageIds = messages.map((row) => row.id);
  await db.erasureRequest.update({ where: { id: erasureId }, data: { conversationIds, messageIds } });
  return { ...scope, conversationIds, messageIds };
}
