import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AutomationPolicy } from '../../../../../lib/core/policy/automation-policy';
import { routeDraft } from '../../../../../lib/core/policy/route-draft';
import { recordReceived } from '../../../../../lib/features/conversations/mirror/record-received';
import { describeTicket } from '../../../../../lib/features/conversations/tickets/describe-ticket';
import { acceptInbound } from '../../../../../lib/features/intake/accept-inbound';
import { startInboundSmtp, type InboundSmtp } from '../../../../../lib/features/intake/channels/smtp/inbound-smtp-server';
import { createSenderAuthChecker } from '../../../../../lib/features/intake/sender-auth/check-sender-auth';
import { senderAuthResultsSchema } from '../../../../../lib/features/intake/sender-auth/sender-auth-results';
import { zoneResolverFromFile, type Zone } from '../../../../../lib/platform/dns/resolver';
import { createLocalBlobStore } from '../../../../../lib/platform/storage/local-blob-store';
import { getConversationDetailOrThrow } from '../../../../../lib/read/conversation/get-conversation-detail';
import { listInbox } from '../../../../../lib/read/inbox/list-inbox';
import { buildEspooferMessage } from '../../../../fixtures/espoofer/build-message';
import { ESPOOFER_CASES, type EspooferCase } from '../../../../fixtures/espoofer/cases';
import { EXPECTED_OUTCOMES } from '../../../../fixtures/espoofer/expected-outcomes';
import { composeMime, dkimDomain } from '../../../../fixtures/mime';
import { createTempDb, type TempDb } from '../../../../support/temp-db';

/**
 * The espoofer server-mode corpus against the real inbound SMTP listener, with SPF/DKIM/DMARC
 * answered from a zone file: the victim's domain (legitimate.example: DKIM, SPF for another
 * server, DMARC p=reject) and the attacker's, set up as espoofer's README says (a DKIM key at
 * selector._domainkey and `v=spf1 ip4:<attacker> +all`; the attacker also publishes the names
 * its A3/A4 signatures point at). Strict mode: no allow rules, only a DMARC pass verifies.
 */
const legit = dkimDomain('legitimate.example', 'legit');
const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 });
const attackerKey = attacker.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const attackerRecord = `v=DKIM1; k=rsa; t=y; p=${attacker.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
const zone: Zone = {
  ...legit.zone,
  'legitimate.example': { TXT: [['v=spf1 ip4:192.0.2.10 -all']] },
  'attack.example': { TXT: [['v=spf1 ip4:127.0.0.1 +all']] },
  'selector._domainkey.attack.example': { TXT: [[attackerRecord]] },
  'selector._domainkey.attack.example.\u0000.any._domainkey.legitimate.example': { TXT: [[attackerRecord]] },
  "selector._domainkey.legitimate.example'a.attack.example": { TXT: [[attackerRecord]] },
};

// Everything on: any draft without a reason to stop would go out on its own.
const WIDE_OPEN: AutomationPolicy = { autoSendEnabled: true, autoSendCategories: ['account'], maxRiskScore: 100, minConfidence: 0, holdSeconds: 0, reviewSlaMinutes: 60, idleCloseHours: 24 };

let store: TempDb;
let dir: string;
let smtp: InboundSmtp;

beforeAll(async () => {
  store = await createTempDb();
  dir = mkdtempSync(path.join(os.tmpdir(), 'countersign-espoofer-'));
  const zoneFile = path.join(dir, 'zone.json');
  writeFileSync(zoneFile, JSON.stringify(zone));
  await store.db.mailbox.create({ data: { id: 'mbx_victim', address: 'support@victim.example', displayName: 'Support', inboundChannel: 'smtp' } });
  const senderAuth = createSenderAuthChecker({ resolver: zoneResolverFromFile(zoneFile), timeoutMs: 5_000 });
  smtp = await startInboundSmtp({
    db: store.db,
    port: 0,
    host: '127.0.0.1',
    maxBytes: 1024 * 1024,
    accept: (email) =>
      acceptInbound(
        {
          db: store.db,
          getClient: () => Promise.reject(new Error('Temporal is not part of this test')),
          config: { TEMPORAL_TASK_QUEUE: 'unused' },
          blobs: createLocalBlobStore(path.join(dir, 'blobs')),
          senderAuth,
          senderAllow: [],
        },
        email,
      ),
  });
});
afterAll(async () => {
  await smtp?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Delivery {
  /** The last reply: where the dialogue ended and with what. */
  stage: 'MAIL' | 'RCPT' | 'DATA' | 'stored';
  code: number;
  reply: string;
  messageId?: string;
}

/** One raw SMTP session as espoofer speaks it: the envelope exactly as the case spells it. */
async function deliver(envelope: { helo: string; mailFrom: string; rcptTo: string }, data: Buffer): Promise<Delivery> {
  const socket = net.connect(smtp.port, '127.0.0.1');
  const next = replyReader(socket);
  const say = async (line: string) => {
    socket.write(`${line}\r\n`);
    return next();
  };
  const codeOf = (reply: string) => Number(reply.slice(0, 3));
  try {
    await next();
    await say(`EHLO ${envelope.helo}`);
    const steps: [Delivery['stage'], string][] = [
      ['MAIL', `MAIL FROM:${envelope.mailFrom}`],
      ['RCPT', `RCPT TO:${envelope.rcptTo}`],
    ];
    for (const [stage, line] of steps) {
      const reply = await say(line);
      if (codeOf(reply) >= 300) return { stage, code: codeOf(reply), reply };
    }
    const go = await say('DATA');
    if (codeOf(go) !== 354) return { stage: 'DATA', code: codeOf(go), reply: go };
    const body = data.toString('latin1').replace(/(^|\r\n)\./g, '$1..');
    socket.write(Buffer.from(`${body}${body.endsWith('\r\n') ? '' : '\r\n'}.\r\n`, 'latin1'));
    const reply = await next();
    const stored = /Stored as (\S+)/.exec(reply)?.[1];
    return { stage: stored ? 'stored' : 'DATA', code: codeOf(reply), reply, messageId: stored };
  } finally {
    socket.end('QUIT\r\n');
  }
}

function replyReader(socket: net.Socket): () => Promise<string> {
  const ready: string[] = [];
  const waiting: { resolve: (reply: string) => void; reject: (error: Error) => void }[] = [];
  let buffer = '';
  let lines: string[] = [];
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      lines.push(line);
      if (/^\d{3}(?: |$)/.test(line)) {
        const reply = lines.join('\n');
        lines = [];
        const waiter = waiting.shift();
        if (waiter) waiter.resolve(reply);
        else ready.push(reply);
      }
    }
  });
  socket.on('close', () => {
    for (const waiter of waiting.splice(0)) waiter.reject(new Error('the server closed the connection'));
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const reply = ready.shift();
      if (reply !== undefined) resolve(reply);
      else waiting.push({ resolve, reject });
    });
}

/** What happened to one delivery, as the table in docs/espoofer.md reports it. */
async function outcomeOf(delivery: Delivery, legitConversation: string) {
  if (!delivery.messageId) return { delivery, summary: `refused ${delivery.code} at ${delivery.stage}` };
  const message = await store.db.message.findUniqueOrThrow({ where: { id: delivery.messageId }, omit: { rawMime: true } });
  const auth = senderAuthResultsSchema.parse(message.authResults);
  if (!auth.checked) throw new Error('raw SMTP mail is always checked');
  const received = await recordReceived({ conversationId: message.conversationId, messageId: message.id }, store.db);
  const route = routeDraft(WIDE_OPEN, {
    classification: { ok: true, category: 'account', riskScore: 0, confidence: 1, requiresHuman: false, injectionSuspected: false },
    screeningFlags: received.screeningFlags,
    draftProblems: [],
    draftStopReason: 'end_turn',
  });
  return {
    delivery,
    message,
    auth,
    route: route.route,
    joined: message.conversationId === legitConversation,
    summary: [
      `stored; From shown: ${message.senderAddress ?? `none (${message.fromHeader ?? message.fromAddress})`}`,
      `DMARC ${auth.dmarc.result}${auth.dmarc.domain ? ` (${auth.dmarc.domain})` : ''}`,
      `DKIM ${auth.dkim.map((signature) => `${signature.result}${signature.domain ? ` (${signature.domain})` : ''}`).join(', ') || 'none'}`,
      message.senderVerified ? 'verified' : 'unverified',
      `flags: ${received.screeningFlags.join(', ')}`,
    ].join('; '),
  };
}

describe('espoofer server-mode corpus through the inbound SMTP listener', () => {
  let thread: { conversationId: string; messageIdHeader: string };

  beforeAll(async () => {
    const raw = await legit.sign(
      await composeMime({ from: 'Admin <admin@legitimate.example>', to: 'support@victim.example', subject: 'Invoice 4471', messageId: '<thread-1@legitimate.example>', text: 'Please find the invoice details below.' }),
    );
    const first = await deliver({ helo: 'mail.legitimate.example', mailFrom: '<admin@legitimate.example>', rcptTo: '<support@victim.example>' }, raw);
    const message = await store.db.message.findUniqueOrThrow({ where: { id: first.messageId ?? '' } });
    thread = { conversationId: message.conversationId, messageIdHeader: message.messageIdHeader };
  });

  it('the legitimate, DKIM-signed sender is verified, joins its own thread and could be answered automatically (the controls)', async () => {
    const first = await store.db.message.findFirstOrThrow({ where: { conversationId: thread.conversationId } });
    expect(first).toMatchObject({ senderAddress: 'admin@legitimate.example', senderVerified: true, senderVerification: 'dmarc_pass' });
    expect(first.authResults).toMatchObject({ dmarc: { result: 'pass', domain: 'legitimate.example', fromDomain: 'legitimate.example' }, spf: { result: 'fail' } });
    const raw = await legit.sign(
      await composeMime({
        from: 'admin@legitimate.example',
        to: 'support@victim.example',
        subject: 'Re: Invoice 4471',
        messageId: '<thread-2@legitimate.example>',
        inReplyTo: thread.messageIdHeader,
        references: [thread.messageIdHeader],
        text: 'A follow-up from the real sender.',
      }),
    );
    const follow = await outcomeOf(await deliver({ helo: 'mail.legitimate.example', mailFrom: '<admin@legitimate.example>', rcptTo: '<support@victim.example>' }, raw), thread.conversationId);
    expect(follow.joined).toBe(true);
    expect(follow.route).toBe('auto_send');
  });

  const rows: string[] = [];
  afterAll(() => {
    // The table in docs/espoofer.md, as this run saw it.
    console.log(['| case | as | outcome |', '|---|---|---|', ...rows].join('\n'));
  });

  describe.each(ESPOOFER_CASES.map((testCase) => [testCase.id, testCase] as [string, EspooferCase]))('%s', (id, testCase) => {
    it.each([['new mail'], ['follow-up in the legitimate thread']])('as %s: not authenticated, not answered, not threaded, never deferred', async (as) => {
      const followUp = as === 'new mail' ? undefined : { inReplyTo: thread.messageIdHeader };
      const data = await buildEspooferMessage(testCase, attackerKey, followUp);
      const outcome = await outcomeOf(await deliver({ helo: testCase.helo, mailFrom: testCase.mailFrom, rcptTo: testCase.rcptTo }, data), thread.conversationId);
      rows.push(`| ${testCase.title} | ${as} | ${outcome.summary.replaceAll('|', '\\|')} |`);

      // Stored (250) or refused for good (5xx): never a 4xx that makes the sender retry forever.
      expect(outcome.delivery.code === 250 || outcome.delivery.code >= 500, outcome.delivery.reply).toBe(true);
      // And what the table says happened, happened.
      expect(outcome.summary).toBe(EXPECTED_OUTCOMES[id]?.[followUp ? 'followUp' : 'newMail']);
      if (!('message' in outcome) || !outcome.message) return;
      // No spoof authenticated: DMARC never passes for the spoofed domain, no DKIM signature
      // for it passes, and the sender is not verified as anyone at that domain.
      expect(outcome.auth.dmarc.result === 'pass' && outcome.auth.dmarc.domain === 'legitimate.example').toBe(false);
      expect(outcome.auth.dkim.filter((signature) => signature.result === 'pass' && signature.domain?.includes('legitimate.example'))).toEqual([]);
      expect(outcome.message.senderVerified && outcome.message.senderAddress?.endsWith('@legitimate.example')).not.toBe(true);
      // None answered automatically, none joins the legitimate thread.
      expect(outcome.route).toBe('review');
      expect(outcome.joined).toBe(false);
    });
  });

  it('the inbox, the conversation page and LangFuse show every spoof as unverified, and only the real thread as verified', async () => {
    const page = await listInbox({ queue: 'all', sort: 'newest', limit: 200 }, store.db);
    // The real thread plus one conversation per stored spoof (A5 and A6 were refused at MAIL FROM).
    expect(page.rows).toHaveLength(1 + (ESPOOFER_CASES.length - 2) * 2);
    expect(page.rows.filter((row) => row.senderVerified).map((row) => row.id)).toEqual([thread.conversationId]);
    const claimingVictim = page.rows.filter((row) => row.customerEmail === 'admin@legitimate.example' && row.id !== thread.conversationId);
    expect(claimingVictim.length).toBeGreaterThanOrEqual(8);

    const spoof = await getConversationDetailOrThrow(claimingVictim[0]?.id ?? '', store.db);
    expect(spoof.conversation.senderVerified).toBe(false);
    expect(spoof.messages[0]).toMatchObject({ senderVerified: false, senderVerification: expect.stringMatching(/^Unverified sender: .*DMARC check failed/) });
    const real = await getConversationDetailOrThrow(thread.conversationId, store.db);
    expect(real.messages.map((message) => message.senderVerified)).toEqual([true, true]);

    const tags = async (conversationId: string, messageId: string) => (await describeTicket({ conversationId, messageId }, store.db)).tags;
    expect(await tags(spoof.conversation.id, spoof.messages[0]?.id ?? '')).toContain('sender:unverified');
    expect(await tags(real.conversation.id, real.messages[0]?.id ?? '')).toContain('sender:verified');
  });
});
