import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagChangeSchema } from '../../../../lib/core/conversation/tags';
import { recordLifecycle } from '../../../../lib/features/conversations/mirror/record-lifecycle';
import { setConversationTags } from '../../../../lib/features/conversations/tags/set-conversation-tags';
import { createTempDb, type TempDb } from '../../../support/temp-db';

let temp: TempDb;
let user: { id: string };

async function conversation(id: string, tags: string[] = []): Promise<void> {
  await temp.db.conversation.create({
    data: { id, rootMessageId: `<${id}@x>`, subject: id, customerEmail: `${id}@example.com`, status: 'sent', lastMessageAt: new Date(), lastMessagePreview: '', tags },
  });
}

beforeAll(async () => {
  temp = await createTempDb();
  user = await temp.db.user.create({ data: { email: 'agent@countersign.local', name: 'Agent', role: 'agent' } });
});

afterAll(async () => {
  await temp.close();
});

describe('tags', () => {
  it('normalises what people type and refuses what cannot be a tag', () => {
    expect(tagChangeSchema.parse({ conversationIds: ['a'], add: ['  VIP Customer '] }).add).toEqual(['vip-customer']);
    expect(tagChangeSchema.safeParse({ conversationIds: ['a'], add: ['no/slash'] }).success).toBe(false);
    expect(tagChangeSchema.safeParse({ conversationIds: ['a'] }).success).toBe(false);
  });

  it('adds and removes on a selection, audited', async () => {
    await conversation('tag-1', ['old']);
    await conversation('tag-2');
    await setConversationTags({ conversationIds: ['tag-1', 'tag-2'], add: ['vip'], remove: ['old'], actorId: user.id }, temp.db);
    const rows = await temp.db.conversation.findMany({ where: { id: { in: ['tag-1', 'tag-2'] } }, orderBy: { id: 'asc' } });
    expect(rows.map((row) => row.tags)).toEqual([['vip'], ['vip']]);
    expect(await temp.db.auditLog.count({ where: { action: 'conversation.tags', actorId: user.id } })).toBe(2);
  });

  it('changes nothing when one conversation of the selection would pass the limit', async () => {
    await conversation('tag-full', Array.from({ length: 12 }, (_, index) => `t${index}`));
    await conversation('tag-free');
    await expect(setConversationTags({ conversationIds: ['tag-free', 'tag-full'], add: ['more'], remove: [], actorId: user.id }, temp.db)).rejects.toThrow(/at most 12 tags/);
    expect((await temp.db.conversation.findUniqueOrThrow({ where: { id: 'tag-free' } })).tags).toEqual([]);
  });
});

describe('lifecycle mirror', () => {
  it('writes the status, the snooze time and one timeline row per change', async () => {
    await conversation('life-1');
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const change = { conversationId: 'life-1', action: 'snooze' as const, status: 'snoozed' as const, snoozedUntil: until, actorId: user.id, idempotencyKey: 'u1' };
    await recordLifecycle(change, temp.db);
    await recordLifecycle(change, temp.db); // a retried activity
    const row = await temp.db.conversation.findUniqueOrThrow({ where: { id: 'life-1' } });
    expect(row.status).toBe('snoozed');
    expect(row.snoozedUntil?.toISOString()).toBe(until);
    expect(await temp.db.conversationEvent.count({ where: { conversationId: 'life-1', type: 'lifecycle' } })).toBe(1);
  });
});
