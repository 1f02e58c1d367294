import { domainToASCII } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleInboundRequest } from '../../../lib/features/intake/channels/api/handle-inbound-request';
import { signInboundBody } from '../../../lib/features/intake/channels/api/verify-sender-system';
import { createUser } from '../../../lib/features/users/create-user';
import { SENDER_CORPUS, type CorpusMail, type KnownThread } from '../../fixtures/sender-corpus';
import { approveEverything } from '../support/fooled-agent';
import { startSystem, type System } from '../support/system';

/**
 * The property, on the real stack (Temporal dev server, worker process, simulator, SMTP mail
 * catcher): whatever arrives, every reply that reaches SMTP has exactly one recipient, and it
 * is the verified single sender of the message it answers. Auto-send is as permissive as it
 * gets and a fooled agent approves every draft, so only the mail boundary stands in the way.
 */
const SECRET = 'inbound-secret-for-tests-0123456789';
/** One spelling per mailbox: case folded, IDN domains as A-labels (the catcher shows them decoded). */
const key = (address: string) => {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at).toLowerCase()}@${domainToASCII(address.slice(at + 1))}`;
};

let system: System;
let agent: { id: string; role: 'agent' };
interface Posted {
  mail: CorpusMail;
  request: { body: Uint8Array<ArrayBuffer>; contentType: string };
  conversationId: string;
  messageId: string;
  duplicate: boolean;
}
const posted = new Map<string, Posted>();

beforeAll(async () => {
  system = await startSystem({
    holdSeconds: 1,
    maxRiskScore: 100,
    minConfidence: 0,
    autoSendCategories: ['account', 'billing', 'technical', 'orders', 'feedback', 'other'],
  });
  const user = await createUser({ email: 'agent@countersign.test', name: 'Agent', role: 'agent', password: 'a long enough password', actorId: null }, system.store.db);
  agent = { id: user.id, role: 'agent' };
  await system.startWorker();
});
afterAll(async () => {
  await system?.stop();
});

function rawMessage(mail: CorpusMail, subject: string, text: string, inReplyTo?: string, references?: string[]): Uint8Array<ArrayBuffer> {
  const headers = [
    ...mail.from.map((from) => `From: ${from}`),
    'To: support@countersign.local',
    `Subject: ${subject}`,
    `Message-ID: ${mail.messageId}`,
    ...(inReplyTo ? [`In-Reply-To: ${inReplyTo}`] : []),
    ...(references?.length ? [`References: ${references.join('\r\n ')}`] : []),
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ].join('\r\n');
  return new Uint8Array(Buffer.concat([Buffer.from(`${headers}\r\n\r\n`, mail.latin1Headers ? 'latin1' : 'utf8'), Buffer.from(`${text}\r\n`)]));
}

function requestFor(mail: CorpusMail, known: (key: string) => KnownThread): Posted['request'] {
  const earlier = mail.redeliveryOf ? posted.get(mail.redeliveryOf) : undefined;
  if (earlier) return earlier.request;
  const subject = `Question about my order (${mail.key})`;
  const text = `Hello, could you tell me when my order will ship? I am writing about ${mail.key}. Thanks a lot.`;
  const inReplyTo = mail.inReplyTo?.(known);
  const references = mail.references?.(known);
  if (mail.form === 'raw') return { body: rawMessage(mail, subject, text, inReplyTo, references), contentType: 'message/rfc822' };
  const json = { from: mail.from[0], to: 'support@countersign.local', subject, text, messageId: mail.messageId, inReplyTo, references };
  return { body: new Uint8Array(Buffer.from(JSON.stringify(json))), contentType: 'application/json' };
}

async function post(mail: CorpusMail, known: (key: string) => KnownThread): Promise<Posted> {
  const request = requestFor(mail, known);
  const auth = mail.signed ? signInboundBody(request.body, SECRET) : { authorization: `Bearer ${SECRET}` };
  const response = await handleInboundRequest(
    new Request('http://localhost/api/inbound', { method: 'POST', body: request.body, headers: { 'content-type': request.contentType, ...auth } }),
    {
      db: system.store.db,
      getClient: async () => system.temporal.client,
      config: { INBOUND_SECRET: SECRET, INBOUND_MAX_BYTES: 1024 * 1024, TEMPORAL_TASK_QUEUE: system.taskQueue },
    },
  );
  expect(response.status, mail.key).toBe(202);
  const body = (await response.json()) as { conversationId: string; messageId: string; duplicate: boolean };
  return { mail, request, ...body };
}

async function knownThreads(): Promise<(key: string) => KnownThread> {
  const caught = await system.mail.list();
  const sends = await system.store.db.outboundSend.findMany({ where: { status: 'sent' }, select: { conversationId: true, messageIdHeader: true } });
  const caughtIds = new Set(caught.map((mail) => mail.messageId));
  return (entry) => {
    const done = posted.get(entry);
    if (!done) throw new Error(`${entry} was not posted`);
    const stored = storedIds.get(entry) ?? '';
    return {
      messageId: stored,
      conversationId: done.conversationId,
      sentReplyIds: sends.filter((send) => send.conversationId === done.conversationId && caughtIds.has(send.messageIdHeader)).map((send) => send.messageIdHeader),
    };
  };
}
const storedIds = new Map<string, string>();

async function runPhase(phase: 1 | 2, known: (key: string) => KnownThread): Promise<void> {
  const mails = SENDER_CORPUS.filter((mail) => mail.phase === phase);
  // In order, as mail arrives: squatters before their victims, customers before their follow-ups.
  for (const mail of mails) {
    const result = await post(mail, known);
    posted.set(mail.key, result);
    const message = await system.store.db.message.findUniqueOrThrow({ where: { id: result.messageId }, select: { messageIdHeader: true } });
    storedIds.set(mail.key, message.messageIdHeader);
  }
  const ids = [...new Set(mails.map((mail) => posted.get(mail.key)?.conversationId ?? ''))];
  await approveEverything(system, ids, agent, 240_000);
}

describe('every reply that reaches SMTP', () => {
  it('goes to exactly one recipient: the verified single sender of the message it answers', async () => {
    await runPhase(1, () => {
      throw new Error('phase 1 references nothing known');
    });
    await runPhase(2, await knownThreads());

    // Thread membership: follow-ups join, takeovers and squatters stay apart, redeliveries are one message.
    for (const { mail, conversationId, duplicate } of posted.values()) {
      if (mail.joins) expect(conversationId, mail.key).toBe(posted.get(mail.joins)?.conversationId);
      if (mail.apartFrom) expect(conversationId, mail.key).not.toBe(posted.get(mail.apartFrom)?.conversationId);
      expect(duplicate, mail.key).toBe(mail.redeliveryOf !== undefined);
    }
    const distinct = new Set([...posted.values()].filter((entry) => !entry.duplicate).map((entry) => entry.messageId));
    expect(distinct.size).toBe(SENDER_CORPUS.filter((mail) => !mail.redeliveryOf).length);

    const byMessageId = new Map([...posted.values()].map((entry) => [entry.messageId, entry.mail]));
    const caught = await system.mail.list();
    expect(caught.length).toBeGreaterThanOrEqual(12);
    const answered = new Set<string>();
    for (const summary of caught) {
      const full = await system.mail.get(summary.id);
      const send = await system.store.db.outboundSend.findUniqueOrThrow({ where: { messageIdHeader: summary.messageId ?? '' } });
      const draft = await system.store.db.draft.findUniqueOrThrow({
        where: { conversationId_version: { conversationId: send.conversationId, version: send.draftVersion } },
      });
      const mail = byMessageId.get(draft.basedOnMessageId);
      if (!mail) throw new Error(`a reply answers a message the corpus never sent: ${draft.basedOnMessageId}`);
      answered.add(mail.key);
      const context = `${mail.key} -> ${summary.envelope.to.join(', ')}`;
      expect(mail.recipient, context).not.toBeNull();
      expect(summary.envelope.to.map(key), context).toEqual([key(mail.recipient ?? '')]);
      expect(summary.to.map(key), context).toEqual([key(mail.recipient ?? '')]);
      expect(Object.keys(full?.headers ?? {}), context).not.toContain('bcc');
      expect(full?.headers.cc, context).toBeUndefined();
      expect((summary.inReplyTo ?? '').length, context).toBeLessThanOrEqual(250);
      expect(summary.references.every((id) => id.length <= 250), context).toBe(true);
    }

    // Not vacuous: every conversation with a verified customer was answered; none without one was.
    const conversations = await system.store.db.conversation.findMany({
      where: { id: { in: [...posted.values()].map((entry) => entry.conversationId) } },
      include: { sends: true, messages: { select: { senderProblem: true, screening: true } } },
    });
    for (const conversation of conversations) {
      const sent = conversation.sends.filter((send) => send.status === 'sent');
      if (conversation.customerAddress === null) {
        expect(sent, conversation.customerEmail).toEqual([]);
        expect(conversation.status, conversation.customerEmail).toBe('failed');
        expect(conversation.statusReason, conversation.customerEmail).toMatch(/no single verified sender/);
        expect(conversation.messages.every((message) => message.senderProblem), conversation.customerEmail).toBe(true);
      } else {
        expect(sent.length, conversation.customerEmail).toBeGreaterThan(0);
      }
    }
    for (const mail of SENDER_CORPUS) {
      if (mail.recipient === null) expect(answered.has(mail.key), mail.key).toBe(false);
    }
    // Anything suspicious was flagged for the person who approved it, never auto-sent.
    const flaggedKeys = SENDER_CORPUS.filter((mail) => mail.recipient === null || mail.key.startsWith('s-') || mail.key.startsWith('t-takeover'));
    for (const mail of flaggedKeys) {
      const entry = posted.get(mail.key);
      const message = await system.store.db.message.findUniqueOrThrow({ where: { id: entry?.messageId ?? '' } });
      expect(message.screening, mail.key).not.toEqual([]);
      expect(await system.store.db.decision.count({ where: { conversationId: entry?.conversationId, kind: 'auto_send' } }), mail.key).toBe(0);
    }
  });
});
