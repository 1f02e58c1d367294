import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSent } from '../../../../lib/features/conversations/sending/record-sent';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { seedConversation } from '../../read/support/seed';

/** The one-statement record of a sent reply: every row it used to write in a transaction, once, or nothing. */
let store: TempDb;
beforeAll(async () => {
  store = await createTempDb();
});
afterAll(async () => {
  await store?.close();
});

async function seedClaimed() {
  const { db } = store;
  const conversationId = await seedConversation(db, { status: 'sending', messageCount: 1 });
  const inbound = await db.message.create({
    data: { conversationId, direction: 'inbound', messageIdHeader: `<${conversationId}@c.test>`, dedupeKey: `k:${conversationId}`, fromAddress: 'a@c.test', subject: 'Hi', sentAt: new Date() },
  });
  const draft = await db.draft.create({ data: { conversationId, version: 2, status: 'approved', aiBody: 'AI', model: 'm', basedOnMessageId: inbound.id } });
  const ledgerKey = `${conversationId}:v2`;
  const messageIdHeader = `<${conversationId}.v2@countersign.local>`;
  await db.outboundSend.create({ data: { conversationId, draftVersion: 2, ledgerKey, messageIdHeader, toAddress: 'a@c.test', subject: 'Re: Hi', body: 'Body ✓', status: 'sending', attempts: 1, error: 'earlier 451' } });
  await db.attachment.create({ data: { conversationId, draftId: draft.id, sha256: 'f'.repeat(64), filename: 'a.pdf', contentType: 'application/pdf', sizeBytes: 3 } });
  const input = {
    ledgerKey,
    conversationId,
    draftId: draft.id,
    draftVersion: 2,
    draftDecidedAt: null,
    smtpResponse: '250 OK queued',
    messageIdHeader,
    inReplyTo: `<${conversationId}@c.test>`,
    references: [`<${conversationId}@c.test>`],
    fromAddress: 'support@countersign.local',
    toAddress: 'a@c.test',
    subject: 'Re: Hi',
    body: 'Body ✓',
    auto: true,
  };
  return { conversationId, draftId: draft.id, input };
}

describe('recordSent', () => {
  it('completes the ledger, the draft, the outbound message, its files, the count and the event, once', async () => {
    const { db } = store;
    const { conversationId, draftId, input } = await seedClaimed();
    const before = Date.now();
    await recordSent(input, db);
    const ledger = await db.outboundSend.findUniqueOrThrow({ where: { ledgerKey: input.ledgerKey } });

    expect(ledger).toMatchObject({ status: 'sent', smtpResponse: '250 OK queued', error: null });
    const sentAt = ledger.sentAt?.getTime() ?? 0;
    expect(Math.abs(sentAt - before)).toBeLessThan(60_000);
    const draft = await db.draft.findUniqueOrThrow({ where: { id: draftId } });
    expect(draft).toMatchObject({ status: 'sent', finalBody: 'Body ✓' });
    expect(draft.decidedAt?.getTime()).toBe(sentAt);
    const outbound = await db.message.findMany({ where: { conversationId, direction: 'outbound' } });
    expect(outbound).toHaveLength(1);
    expect(outbound[0]).toMatchObject({
      messageIdHeader: input.messageIdHeader,
      dedupeKey: `out:${input.messageIdHeader}`,
      inReplyTo: input.inReplyTo,
      references: input.references,
      fromAddress: 'support@countersign.local',
      toAddresses: ['a@c.test'],
      subject: 'Re: Hi',
      textBody: 'Body ✓',
      sizeBytes: Buffer.byteLength('Body ✓'),
      senderVerified: false,
      automated: false,
    });
    expect(outbound[0]?.sentAt.getTime()).toBe(sentAt);
    expect(outbound[0]?.deliveredAt?.getTime()).toBe(sentAt);
    expect((await db.attachment.findFirstOrThrow({ where: { draftId } })).messageId).toBe(outbound[0]?.id);
    const events = await db.conversationEvent.findMany({ where: { conversationId, type: 'sent' } });
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toEqual({ draftVersion: 2, messageIdHeader: input.messageIdHeader, toAddress: 'a@c.test', auto: true });
    expect(events[0]?.at.getTime()).toBe(sentAt);
    // A retried call writes the message and the event once (the ledger's and draft's times move, as they did).
    await recordSent(input, db);
    expect(await db.message.count({ where: { conversationId, direction: 'outbound' } })).toBe(1);
    expect(await db.conversationEvent.count({ where: { conversationId, type: 'sent' } })).toBe(1);
    // Each call counts (as the transaction it replaces did); the sweep of a retried send is the ledger's job, not the count's.
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).messageCount).toBe(3);
  });

  it('keeps a decision time the draft already has', async () => {
    const { db } = store;
    const { draftId, input } = await seedClaimed();
    const decidedAt = new Date('2026-12-01T10:00:00.123Z');
    await recordSent({ ...input, draftDecidedAt: decidedAt }, db);
    expect((await db.draft.findUniqueOrThrow({ where: { id: draftId } })).decidedAt?.toISOString()).toBe(decidedAt.toISOString());
  });

  it('writes nothing when the ledger row is gone', async () => {
    const { db } = store;
    const { conversationId, draftId, input } = await seedClaimed();
    await db.outboundSend.delete({ where: { ledgerKey: input.ledgerKey } });
    await expect(recordSent(input, db)).rejects.toThrow(/could not be recorded/);
    expect(await db.message.count({ where: { conversationId, direction: 'outbound' } })).toBe(0);
    expect((await db.draft.findUniqueOrThrow({ where: { id: draftId } })).status).toBe('approved');
    expect(await db.conversationEvent.count({ where: { conversationId } })).toBe(0);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).messageCount).toBe(1);
  });
});
