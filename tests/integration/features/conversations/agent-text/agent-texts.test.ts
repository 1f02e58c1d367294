import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAgentText } from '../../../../../lib/features/conversations/agent-text/store-agent-text';
import { withAgentTexts } from '../../../../../lib/features/conversations/agent-text/with-agent-texts';
import { createTempDb, type TempDb } from '../../../../support/temp-db';

/**
 * What an agent wrote is stored by the web and read back by the activity by id (the workflow
 * carries the id only). An id is not a capability: a text of another conversation, or of
 * another kind, is refused. The text goes with its conversation.
 */

let temp: TempDb;
beforeAll(async () => {
  temp = await createTempDb();
  for (const [id, customer] of [
    ['conv-a', 'ana.texts@example.com'],
    ['conv-b', 'ben.texts@example.com'],
  ] as const) {
    await temp.db.conversation.create({
      data: { id, rootMessageId: `<${id}@t>`, subject: 'texts', customerEmail: customer, customerAddress: customer, status: 'awaiting_approval', lastMessageAt: new Date(), lastMessagePreview: 'x' },
    });
  }
});
afterAll(async () => {
  await temp?.close();
});

describe('agent texts', () => {
  it('reads each id back as the text it names, for its own conversation and kind only', async () => {
    const { db } = temp;
    const reasonId = await storeAgentText({ conversationId: 'conv-a', kind: 'reason', body: 'The tone is wrong for Ana' }, db);
    const bodyId = await storeAgentText({ conversationId: 'conv-a', kind: 'edited_body', body: 'Hello Ana, fixed.' }, db);
    expect(await withAgentTexts({ conversationId: 'conv-a', reasonId, editedBodyId: bodyId, draftVersion: 1 }, db)).toMatchObject({
      reason: 'The tone is wrong for Ana',
      editedBody: 'Hello Ana, fixed.',
      draftVersion: 1,
    });
    // Without ids the input passes as it is (text sent by older web code).
    expect(await withAgentTexts({ conversationId: 'conv-a', reason: 'typed' }, db)).toEqual({ conversationId: 'conv-a', reason: 'typed' });
    await expect(withAgentTexts({ conversationId: 'conv-b', reasonId }, db)).rejects.toThrow(/was not found/);
    await expect(withAgentTexts({ conversationId: 'conv-a', instructionsId: reasonId }, db)).rejects.toThrow(/was not found/);
    await expect(withAgentTexts({ conversationId: 'conv-a', bodyId: 'no-such-id' }, db)).rejects.toThrow(/was not found/);
  });

  it('goes with its conversation (erasure and retention delete conversations)', async () => {
    const { db } = temp;
    await storeAgentText({ conversationId: 'conv-b', kind: 'reply', body: 'Hello Ben' }, db);
    expect(await db.agentText.count({ where: { conversationId: 'conv-b' } })).toBe(1);
    await db.conversation.deleteMany({ where: { id: 'conv-b' } });
    expect(await db.agentText.count({ where: { conversationId: 'conv-b' } })).toBe(0);
    expect(await db.agentText.count({ where: { conversationId: 'conv-a' } })).toBe(2);
  });
});
