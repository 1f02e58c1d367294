import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySavedReply } from '../../../../lib/features/saved-replies/apply-saved-reply';
import { archiveSavedReply } from '../../../../lib/features/saved-replies/archive-saved-reply';
import { listSavedReplies } from '../../../../lib/features/saved-replies/list-saved-replies';
import { saveSavedReply } from '../../../../lib/features/saved-replies/save-saved-reply';
import { createTempDb, type TempDb } from '../../../support/temp-db';

let temp: TempDb;
const actorId = 'manager-1';

beforeAll(async () => {
  temp = await createTempDb();
  const mailbox = await temp.db.mailbox.create({ data: { address: 'help@acme.example', displayName: 'Acme Help', inboundChannel: 'api', signature: 'The Acme team\nacme.example' } });
  for (const [id, name, text, mailboxId] of [
    ['conv-1', 'Ada Lovelace', 'Hello, my order #A-58213 has not arrived.', mailbox.id],
    ['conv-2', null, 'Hello, where is my parcel?', null],
  ] as const) {
    await temp.db.conversation.create({
      data: { id, rootMessageId: `<${id}@x>`, subject: 'Parcel', customerEmail: 'ada@example.org', customerName: name, status: 'awaiting_approval', lastMessageAt: new Date(), lastMessagePreview: '', mailboxId },
    });
    await temp.db.message.create({
      data: { conversationId: id, direction: 'inbound', messageIdHeader: `<${id}@x>`, dedupeKey: id, fromAddress: 'ada@example.org', subject: 'Parcel', textBody: text, sentAt: new Date() },
    });
  }
});
afterAll(async () => {
  await temp.close();
});

describe('saved replies', () => {
  it('refuses a reply with an unknown variable, naming it, and stores nothing', async () => {
    await expect(saveSavedReply({ title: 'Coupon', body: 'Use {{coupon_code}}', actorId }, temp.db)).rejects.toThrow('{{coupon_code}}');
    expect(await temp.db.savedReply.count()).toBe(0);
    expect(await temp.db.auditLog.count({ where: { action: { startsWith: 'saved_reply.' } } })).toBe(0);
  });

  it('renders the variables for a conversation and counts each use', async () => {
    const { id } = await saveSavedReply({ title: 'Where is my order', body: 'Hi {{customer_name}},\norder {{order_number}} left today.\n{{agent_name}}\n{{signature}}', actorId }, temp.db);
    const applied = await applySavedReply({ id, conversationId: 'conv-1', agentName: 'Grace Hopper' }, temp.db);
    expect(applied).toEqual({ ok: true, text: 'Hi Ada Lovelace,\norder A-58213 left today.\nGrace Hopper\nThe Acme team\nacme.example' });
    await applySavedReply({ id, conversationId: 'conv-1', agentName: 'Grace Hopper' }, temp.db);
    expect((await listSavedReplies({}, temp.db)).find((reply) => reply.id === id)?.useCount).toBe(2);
    expect(await temp.db.auditLog.count({ where: { action: 'saved_reply.create', target: `saved_reply:${id}` } })).toBe(1);
  });

  it('names the variables with no value in a conversation and counts nothing', async () => {
    const { id } = await saveSavedReply({ title: 'Name and order', body: 'Hi {{customer_name}}, about {{order_number}}: {{signature}}', actorId }, temp.db);
    const applied = await applySavedReply({ id, conversationId: 'conv-2', agentName: 'Grace' }, temp.db);
    expect(applied.ok).toBe(false);
    if (applied.ok) return;
    expect(applied.message).toContain('{{customer_name}}');
    expect(applied.message).toContain('{{order_number}}');
    // No mailbox: the signature falls back to the name in MAIL_FROM, so it is not missing.
    expect(applied.message).not.toContain('{{signature}}');
    expect((await temp.db.savedReply.findUniqueOrThrow({ where: { id } })).useCount).toBe(0);
  });

  it('edits are checked too, and archived replies are no longer offered', async () => {
    const { id } = await saveSavedReply({ title: 'Thanks', body: 'Thank you!', actorId }, temp.db);
    await expect(saveSavedReply({ id, title: 'Thanks', body: 'Thank you {{name}}!', actorId }, temp.db)).rejects.toThrow('{{name}}');
    expect((await temp.db.savedReply.findUniqueOrThrow({ where: { id } })).body).toBe('Thank you!');
    await archiveSavedReply({ id, archived: true, actorId }, temp.db);
    expect((await listSavedReplies({}, temp.db)).map((reply) => reply.id)).not.toContain(id);
    expect((await listSavedReplies({ includeArchived: true }, temp.db)).map((reply) => reply.id)).toContain(id);
    await expect(applySavedReply({ id, conversationId: 'conv-1', agentName: 'Grace' }, temp.db)).rejects.toThrow('no longer offered');
  });
});
