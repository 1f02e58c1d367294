import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createActivityFixture, seedInbound, type ActivityFixture } from './activity-fixture';

let fixture: ActivityFixture;
let ids: { conversationId: string; messageId: string };
beforeEach(async () => {
  fixture = await createActivityFixture();
  ids = await seedInbound(fixture);
  await fixture.store.db.draft.create({
    data: { conversationId: ids.conversationId, version: 1, status: 'approved', aiBody: 'AI text', finalBody: 'Edited text', model: 'm', basedOnMessageId: ids.messageId },
  });
});
afterEach(async () => {
  await fixture.close();
});

const input = () => ({ conversationId: ids.conversationId, draftVersion: 1, auto: false });

describe('sendReply', () => {
  it('sends the final body once, threaded, to the verified sender only', async () => {
    expect(await fixture.run(fixture.activities.sendReply, [input()])).toMatchObject({ status: 'sent' });
    expect(await fixture.run(fixture.activities.sendReply, [input()], 2)).toMatchObject({ status: 'already_sent' });
    expect(fixture.sent).toHaveLength(1);
    expect(fixture.sent[0]).toMatchObject({
      to: { address: 'maria@example.com', name: 'Maria' },
      subject: 'Re: Password reset',
      text: 'Edited text',
      inReplyTo: '<root@example.com>',
      references: ['<root@example.com>'],
      messageId: '<conv-test.v1@countersign.local>',
    });
    const outbound = await fixture.store.db.message.findMany({ where: { direction: 'outbound' } });
    expect(outbound).toHaveLength(1);
    expect(await fixture.store.db.conversationEvent.count({ where: { type: 'sent' } })).toBe(1);
  });

  it('retries after a temporary SMTP failure and still sends once', async () => {
    fixture.failNextSends(1, 451);
    await expect(fixture.run(fixture.activities.sendReply, [input()])).rejects.toThrow(/451/);
    expect(await fixture.run(fixture.activities.sendReply, [input()], 2)).toMatchObject({ status: 'sent' });
    expect(fixture.sent).toHaveLength(1);
    const ledger = await fixture.store.db.outboundSend.findFirstOrThrow();
    expect(ledger).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('fails permanently on a rejected address and never tries again', async () => {
    fixture.failNextSends(1, 550);
    await expect(fixture.run(fixture.activities.sendReply, [input()])).rejects.toMatchObject({
      type: 'PermanentDeliveryFailure',
      nonRetryable: true,
    });
    await expect(fixture.run(fixture.activities.sendReply, [input()], 2)).rejects.toMatchObject({ nonRetryable: true });
    expect(fixture.sent).toHaveLength(0);
  });

  it('keeps the customer address the relay quoted out of the failure Temporal records, and in the ledger', async () => {
    fixture.failNextSends(1, 451, '451 4.7.1 <maria@example.com>: greylisted, try again later');
    const transient = await fixture.run(fixture.activities.sendReply, [input()]).then(
      () => { throw new Error('expected the send to fail'); },
      (error: unknown) => error as Error,
    );
    expect(transient.message).toMatch(/451 4\.7\.1 <\[email\]>: greylisted/);
    fixture.failNextSends(1, 550, '550 5.1.1 <maria@example.com>: Recipient address rejected');
    const permanent = await fixture.run(fixture.activities.sendReply, [input()], 2).then(
      () => { throw new Error('expected the send to fail'); },
      (error: unknown) => error as Error,
    );
    expect(permanent).toMatchObject({ type: 'PermanentDeliveryFailure', nonRetryable: true });
    expect(permanent.message).toContain('Recipient address rejected');
    expect(permanent.message).not.toContain('maria@example.com');
    // The store keeps what the relay said, for the agent deciding on a resend.
    expect((await fixture.store.db.outboundSend.findFirstOrThrow()).error).toContain('maria@example.com');
    // A retry of the refused send reports the stored failure, still without the address.
    const again = await fixture.run(fixture.activities.sendReply, [input()], 3).then(
      () => { throw new Error('expected the send to fail'); },
      (error: unknown) => error as Error,
    );
    expect(again.message).not.toContain('maria@example.com');
  });

  it('refuses, for good, to answer a message without one verified sender', async () => {
    // What intake stores for `From: victim@a.example, attacker@b.example`.
    await fixture.store.db.message.update({
      where: { id: ids.messageId },
      data: { senderAddress: null, fromAddress: 'victim@a.example, attacker@b.example', senderProblem: 'The From header lists 2 entries' },
    });
    await expect(fixture.run(fixture.activities.sendReply, [input()])).rejects.toMatchObject({ type: 'PermanentDeliveryFailure', nonRetryable: true });
    expect(fixture.sent).toHaveLength(0);
    expect(await fixture.store.db.outboundSend.count()).toBe(0);
    const failed = await fixture.store.db.conversationEvent.findFirstOrThrow({ where: { type: 'send_failed' } });
    expect(JSON.stringify(failed.data)).toContain('no single verified sender');
    expect((await fixture.store.db.draft.findFirstOrThrow()).status).toBe('failed');
  });

  it('never sends to someone who is neither the customer nor a participant', async () => {
    await fixture.store.db.message.update({ where: { id: ids.messageId }, data: { senderAddress: 'stranger@b.example' } });
    await expect(fixture.run(fixture.activities.sendReply, [input()])).rejects.toMatchObject({ nonRetryable: true });
    expect(fixture.sent).toHaveLength(0);
    // Once an agent lets them in, a reply to their message may go to them (and only them).
    await fixture.store.db.draft.update({ where: { conversationId_version: { conversationId: ids.conversationId, version: 1 } }, data: { status: 'approved' } });
    await fixture.store.db.conversationParticipant.create({ data: { conversationId: ids.conversationId, address: 'stranger@b.example' } });
    await fixture.store.db.draft.create({
      data: { conversationId: ids.conversationId, version: 2, status: 'approved', aiBody: 'Hi', model: 'm', basedOnMessageId: ids.messageId },
    });
    expect(await fixture.run(fixture.activities.sendReply, [{ ...input(), draftVersion: 2 }])).toMatchObject({ status: 'sent' });
    expect(fixture.sent.map((mail) => mail.to.address)).toEqual(['stranger@b.example']);
  });

  it('leaves a spoofing display name out of the To header', async () => {
    await fixture.store.db.message.update({ where: { id: ids.messageId }, data: { fromName: 'Support <support@countersign.local>', screening: ['display_name_spoof'] } });
    await fixture.run(fixture.activities.sendReply, [input()]);
    expect(fixture.sent[0]?.to).toEqual({ address: 'maria@example.com' });
  });

  it('refuses, for good, a reply whose attached files this worker cannot read', async () => {
    const draft = await fixture.store.db.draft.findFirstOrThrow({ where: { conversationId: ids.conversationId } });
    await fixture.store.db.attachment.create({ data: { conversationId: ids.conversationId, draftId: draft.id, sha256: 'a'.repeat(64), filename: 'a.pdf', contentType: 'application/pdf', sizeBytes: 3 } });
    await expect(fixture.run(fixture.activities.sendReply, [input()])).rejects.toThrow(/no attachment store/);
    expect(fixture.sent).toHaveLength(0);
    expect((await fixture.store.db.draft.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe('failed');
  });

  it('never re-sends blindly when a worker died mid-send', async () => {
    // What a crash between claiming the ledger and finishing SMTP leaves behind.
    await fixture.store.db.outboundSend.create({
      data: {
        conversationId: ids.conversationId,
        draftVersion: 1,
        ledgerKey: `${ids.conversationId}:v1`,
        messageIdHeader: '<conv-test.v1@countersign.local>',
        toAddress: 'maria@example.com',
        subject: 'Re: Password reset',
        body: 'Edited text',
        status: 'sending',
        attempts: 1,
      },
    });
    expect(await fixture.run(fixture.activities.sendReply, [input()], 2)).toMatchObject({ status: 'uncertain' });
    expect(fixture.sent).toHaveLength(0);
  });

  it('resends an uncertain claim once the agent confirmed it, under the same Message-ID', async () => {
    await fixture.store.db.outboundSend.create({
      data: {
        conversationId: ids.conversationId,
        draftVersion: 1,
        ledgerKey: `${ids.conversationId}:v1`,
        messageIdHeader: '<conv-test.v1@countersign.local>',
        toAddress: 'maria@example.com',
        subject: 'Re: Password reset',
        body: 'Edited text',
        status: 'sending',
        attempts: 1,
      },
    });
    expect(await fixture.run(fixture.activities.sendReply, [{ ...input(), resend: true }])).toMatchObject({ status: 'sent' });
    expect(await fixture.run(fixture.activities.sendReply, [{ ...input(), resend: true }], 2)).toMatchObject({ status: 'already_sent' });
    expect(fixture.sent).toHaveLength(1);
    expect(fixture.sent[0]).toMatchObject({ messageId: '<conv-test.v1@countersign.local>', text: 'Edited text' });
    expect(await fixture.store.db.outboundSend.findFirstOrThrow()).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('resends a reply the relay refused, after confirmation', async () => {
    fixture.failNextSends(1, 550);
    await expect(fixture.run(fixture.activities.sendReply, [input()])).rejects.toMatchObject({ nonRetryable: true });
    expect(await fixture.run(fixture.activities.sendReply, [{ ...input(), resend: true }])).toMatchObject({ status: 'sent' });
    expect(fixture.sent).toHaveLength(1);
  });
});

describe('an agent’s own reply', () => {
  it('is stored as an approved agent draft answering the newest message, and goes out through the ledger once', async () => {
    const reply = {
      conversationId: ids.conversationId,
      draftVersion: 2,
      body: 'Hello Maria, a person here: use the reset link on the sign-in page.',
      actor: { id: 'user-1', role: 'agent' as const },
      idempotencyKey: 'update-compose-1',
      replacedDraftVersion: 1,
    };
    await fixture.run(fixture.activities.recordManualReply, [reply]);
    await fixture.run(fixture.activities.recordManualReply, [reply], 2);
    const drafts = await fixture.store.db.draft.findMany({ orderBy: { version: 'asc' } });
    expect(drafts.map((draft) => [draft.version, draft.status, draft.origin])).toEqual([
      [1, 'approved', 'model'],
      [2, 'approved', 'agent'],
    ]);
    expect(await fixture.store.db.decision.findMany()).toEqual([expect.objectContaining({ kind: 'manual_reply', actorId: 'user-1', draftVersion: 2 })]);
    expect(await fixture.store.db.auditLog.count({ where: { action: 'reply.compose' } })).toBe(1);
    const conversation = await fixture.store.db.conversation.findUniqueOrThrow({ where: { id: ids.conversationId } });
    expect(conversation.currentDraftId).toBe(drafts[1]?.id);

    const send = { conversationId: ids.conversationId, draftVersion: 2, auto: false };
    expect(await fixture.run(fixture.activities.sendReply, [send])).toMatchObject({ status: 'sent' });
    expect(await fixture.run(fixture.activities.sendReply, [send], 2)).toMatchObject({ status: 'already_sent' });
    expect(fixture.sent).toEqual([expect.objectContaining({ to: { address: 'maria@example.com', name: 'Maria' }, text: reply.body, inReplyTo: '<root@example.com>' })]);
  });

  it('sets aside an open draft it replaces', async () => {
    await fixture.store.db.draft.update({ where: { conversationId_version: { conversationId: ids.conversationId, version: 1 } }, data: { status: 'pending' } });
    await fixture.run(fixture.activities.recordManualReply, [
      { conversationId: ids.conversationId, draftVersion: 2, body: 'Mine', actor: { id: 'user-1', role: 'agent' }, idempotencyKey: 'k', replacedDraftVersion: 1 },
    ]);
    const replaced = await fixture.store.db.draft.findFirstOrThrow({ where: { version: 1 } });
    expect(replaced.status).toBe('replaced');
  });
});

describe('recordDecision', () => {
  it('records one decision per idempotency key, with the edit size, an audit row and a score', async () => {
    const decision = {
      conversationId: ids.conversationId,
      draftVersion: 1,
      kind: 'approve' as const,
      actor: { id: 'user-1', role: 'agent' as const },
      editedBody: 'AI text, edited',
      idempotencyKey: 'update-1',
    };
    await fixture.run(fixture.activities.recordDecision, [decision]);
    await fixture.run(fixture.activities.recordDecision, [decision], 2);
    const decisions = await fixture.store.db.decision.findMany();
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ kind: 'edit_approve', actorId: 'user-1', editDistance: 8 });
    const audit = await fixture.store.db.auditLog.findMany({ where: { action: 'draft.edit_approve' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: 'user-1', target: 'conv-test#v1', before: { body: 'AI text' }, after: { body: 'AI text, edited' } });
    expect(fixture.scores[0]).toMatchObject({ name: 'decision', value: 'edited' });
  });
});
