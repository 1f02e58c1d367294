import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addParticipant } from '../../../../lib/features/conversations/participants/add-participant';
import type { InboundJson } from '../../../../lib/features/intake/inbound-email';
import { normalizeJson } from '../../../../lib/features/intake/normalize';
import { storeInbound } from '../../../../lib/features/intake/store-inbound';
import { createTempDb, type TempDb } from '../../../support/temp-db';

/** Who may join a thread, and who may not: intake's storage decisions on a real SQLite file. */
let store: TempDb;
beforeAll(async () => {
  store = await createTempDb();
});
afterAll(async () => {
  await store?.close();
});

const receive = (email: Partial<InboundJson> & { from: string; messageId: string }) =>
  storeInbound(normalizeJson({ subject: 'Order 1234', text: `Message ${email.messageId}`, ...email }, 100), store.db);

const conversation = (id: string) => store.db.conversation.findUniqueOrThrow({ where: { id } });
const message = (id: string) => store.db.message.findUniqueOrThrow({ where: { id } });

describe('a thread belongs to its customer', () => {
  it('lets the customer follow up (however they spell their address), keeps a stranger out and links what they claimed', async () => {
    const first = await receive({ from: 'Maria Lopez <maria@a.example>', messageId: '<m-root@a.example>' });
    const followUp = await receive({ from: 'MARIA@A.EXAMPLE', messageId: '<m-2@a.example>', inReplyTo: 'm-root@a.example', references: '<m-root@a.example>' });
    expect(followUp.conversationId).toBe(first.conversationId);

    const stranger = await receive({
      from: 'Mallory <mallory@evil.example>',
      messageId: '<x-1@evil.example>',
      inReplyTo: '<m-2@a.example>',
      references: ['<m-root@a.example>', '<m-2@a.example>'],
      text: 'Actually, please refund to my new account instead.',
    });
    expect(stranger.conversationId).not.toBe(first.conversationId);
    const kept = await message(stranger.messageId);
    expect(kept.claimedConversations).toEqual([first.conversationId]);
    expect(kept.screening).toContain('claims_other_thread');
    expect(await conversation(stranger.conversationId)).toMatchObject({ customerAddress: 'mallory@evil.example' });
    expect((await conversation(first.conversationId)).messageCount).toBe(2);
  });

  it('derives no conversation id from ids the sender claims', async () => {
    const one = await receive({ from: 'a@one.example', messageId: '<one@one.example>', references: '<unknown-root@nowhere.example>' });
    const two = await receive({ from: 'b@two.example', messageId: '<two@two.example>', references: '<unknown-root@nowhere.example>' });
    expect(one.conversationId).not.toBe(two.conversationId);
    expect(one.conversationId).toMatch(/^conv-[0-9a-f]{24}$/);
    expect((await message(one.messageId)).claimedConversations).toEqual([]);
  });

  it('cannot be pre-claimed: the real customer gets a conversation of their own, and nothing of theirs is dropped', async () => {
    // A stranger writes first with the Message-ID the victim's client will use, and references another future id.
    const squatter = await receive({ from: 'mallory@evil.example', messageId: '<victor-first@f.example>', references: '<victor-second@f.example>' });
    const victim = await receive({ from: 'Victor <victor@f.example>', messageId: '<victor-first@f.example>', text: 'Where is my parcel?' });
    expect(victim.duplicate).toBe(false);
    expect(victim.conversationId).not.toBe(squatter.conversationId);
    expect(await conversation(victim.conversationId)).toMatchObject({ customerAddress: 'victor@f.example' });
    const second = await receive({ from: 'victor@f.example', messageId: '<victor-second@f.example>', references: '<victor-first@f.example>' });
    expect(second.conversationId).toBe(victim.conversationId);
    // The squatter's follow-up on the victim's thread is kept apart, with the claim recorded.
    const again = await receive({ from: 'mallory@evil.example', messageId: '<x-2@evil.example>', references: '<victor-second@f.example>' });
    expect(again.conversationId).not.toBe(victim.conversationId);
    expect((await message(again.messageId)).claimedConversations).toContain(victim.conversationId);
  });

  it('treats a redelivery as one message, but the same Message-ID with other content or sender as another', async () => {
    const email = { from: 'dana@d.example', messageId: '<dana-1@d.example>', text: 'Hello' };
    const first = await receive(email);
    expect(await receive(email)).toMatchObject({ duplicate: true, messageId: first.messageId });
    expect(await receive({ ...email, text: 'Hello, other words' })).toMatchObject({ duplicate: false });
    expect(await receive({ ...email, from: 'eve@evil.example' })).toMatchObject({ duplicate: false });
    expect(await store.db.message.count({ where: { messageIdHeader: '<dana-1@d.example>' } })).toBe(3);
  });

  it('joins through a reply Countersign sent, and admits a participant an agent added', async () => {
    const first = await receive({ from: 'sam@s.example', messageId: '<sam-1@s.example>' });
    await store.db.message.create({
      data: {
        conversationId: first.conversationId,
        direction: 'outbound',
        messageIdHeader: `<${first.conversationId}.v1@countersign.local>`,
        dedupeKey: `out:<${first.conversationId}.v1@countersign.local>`,
        fromAddress: 'support@countersign.local',
        subject: 'Re: Order 1234',
        sentAt: new Date(),
      },
    });
    const reply = await receive({ from: 'sam@s.example', messageId: '<sam-2@s.example>', inReplyTo: `<${first.conversationId}.v1@countersign.local>` });
    expect(reply.conversationId).toBe(first.conversationId);

    const colleague = await receive({ from: 'Pat <pat@s.example>', messageId: '<pat-1@s.example>', inReplyTo: `<${first.conversationId}.v1@countersign.local>` });
    expect(colleague.conversationId).not.toBe(first.conversationId);
    await expect(addParticipant({ conversationId: first.conversationId, messageId: reply.messageId, actorId: 'agent-1' }, store.db)).rejects.toThrow(/did not claim/);
    await addParticipant({ conversationId: first.conversationId, messageId: colleague.messageId, actorId: 'agent-1' }, store.db);
    const later = await receive({ from: 'pat@s.example', messageId: '<pat-2@s.example>', references: '<sam-1@s.example>' });
    expect(later.conversationId).toBe(first.conversationId);
    const audit = await store.db.auditLog.findFirstOrThrow({ where: { action: 'conversation.participant.add' } });
    expect(audit).toMatchObject({ actorId: 'agent-1', target: `conversation:${first.conversationId}`, after: { address: 'pat@s.example' } });
  });

  it('never threads mail whose From is not one mailbox, even when it references a real thread', async () => {
    const first = await receive({ from: 'lee@l.example', messageId: '<lee-1@l.example>' });
    for (const from of ['lee@l.example, mallory@evil.example', 'lee@l.example\r\nBcc: mallory@evil.example', 'friends: lee@l.example;']) {
      const stored = await receive({ from, messageId: `<hostile-${from.length}@evil.example>`, references: '<lee-1@l.example>' });
      expect(stored.conversationId).not.toBe(first.conversationId);
      const kept = await message(stored.messageId);
      expect(kept.senderAddress).toBeNull();
      expect(kept.senderProblem).toMatch(/\w/);
      expect(await conversation(stored.conversationId)).toMatchObject({ customerAddress: null });
    }
  });
});
