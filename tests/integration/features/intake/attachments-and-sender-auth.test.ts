import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInbound } from '../../../../lib/features/intake/accept-inbound';
import { parseRawEmail } from '../../../../lib/features/intake/parse-raw';
import { createSenderAuthChecker } from '../../../../lib/features/intake/sender-auth/check-sender-auth';
import { zoneResolver, type Zone } from '../../../../lib/platform/dns/resolver';
import { createLocalBlobStore } from '../../../../lib/platform/storage/local-blob-store';
import { composeMime, dkimDomain, PDF_BYTES, PNG_BYTES } from '../../../fixtures/mime';
import { createTempDb, type TempDb } from '../../../support/temp-db';

let store: TempDb;
let dir: string;
const customer = dkimDomain('customer.example');
const stranger = dkimDomain('forger.example');
const zone: Zone = { ...customer.zone, ...stranger.zone };
const dnsQueries: string[] = [];
const resolve = zoneResolver(zone);

beforeAll(async () => {
  store = await createTempDb();
  dir = mkdtempSync(path.join(os.tmpdir(), 'countersign-blobs-'));
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const blobs = () => createLocalBlobStore(dir);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function receive(raw: Buffer) {
  const senderAuth = createSenderAuthChecker({
    resolver: async (name, type) => {
      dnsQueries.push(`${type} ${name}`);
      return resolve(name, type);
    },
    timeoutMs: 5_000,
  });
  return acceptInbound(
    { db: store.db, getClient: () => Promise.reject(new Error('Temporal is not part of this test')), config: { TEMPORAL_TASK_QUEUE: 'unused' }, blobs: blobs(), senderAuth },
    await parseRawEmail(new Uint8Array(raw)),
  );
}

describe('intake: attachments and sender authentication', () => {
  it('stores a PDF and an inline image once each, by content, listed with name, type and size', async () => {
    const raw = await customer.sign(
      await composeMime({
        from: 'Ana <ana@customer.example>',
        to: 'support@countersign.local',
        subject: 'Invoice attached',
        messageId: '<inv-1@customer.example>',
        text: 'See the invoice and the screenshot.',
        html: '<p>See the invoice.</p><img src="cid:shot@customer.example" alt="screenshot">',
        attachments: [
          { filename: 'invoice.pdf', content: PDF_BYTES, contentType: 'application/pdf' },
          { filename: 'shot.png', content: PNG_BYTES, contentType: 'image/png', cid: 'shot@customer.example' },
        ],
      }),
    );
    const first = await receive(raw);
    const rows = await store.db.attachment.findMany({ where: { messageId: first.messageId }, orderBy: { filename: 'asc' } });
    expect(rows.map(({ filename, contentType, sizeBytes, inline, contentId, refusedReason }) => ({ filename, contentType, sizeBytes, inline, contentId, refusedReason }))).toEqual([
      { filename: 'invoice.pdf', contentType: 'application/pdf', sizeBytes: PDF_BYTES.length, inline: false, contentId: null, refusedReason: null },
      { filename: 'shot.png', contentType: 'image/png', sizeBytes: PNG_BYTES.length, inline: true, contentId: 'shot@customer.example', refusedReason: null },
    ]);
    expect(await blobs().get(sha(PDF_BYTES))).toEqual(PDF_BYTES);
    expect(await blobs().get(sha(PNG_BYTES))).toEqual(PNG_BYTES);
    // The raw bytes are kept as they came; the HTML keeps its cid: reference for the viewer.
    const message = await store.db.message.findUniqueOrThrow({ where: { id: first.messageId } });
    expect(Buffer.from(message.rawMime ?? [])).toEqual(raw);
    expect(message.htmlBody).toContain('cid:shot@customer.example');
    expect(message.screening).toContain('has_attachments');

    // The same PDF in another mail: a second row, the same one blob.
    const again = await receive(
      await customer.sign(
        await composeMime({
          from: 'ana@customer.example',
          to: 'support@countersign.local',
          subject: 'Same invoice',
          messageId: '<inv-2@customer.example>',
          text: 'Again.',
          attachments: [{ filename: 'copy.pdf', content: PDF_BYTES, contentType: 'application/pdf' }],
        }),
      ),
    );
    expect(await store.db.attachment.count({ where: { sha256: sha(PDF_BYTES) } })).toBe(2);
    expect(again.conversationId).not.toBe(first.conversationId);
  });

  it('records SPF, DKIM and DMARC from stubbed DNS: aligned DKIM passes DMARC', async () => {
    const stored = await receive(
      await customer.sign(await composeMime({ from: 'ana@customer.example', to: 'support@countersign.local', subject: 'Hi', messageId: '<auth-1@customer.example>', text: 'Hello' })),
    );
    const message = await store.db.message.findUniqueOrThrow({ where: { id: stored.messageId } });
    expect(message.authResults).toMatchObject({
      checked: true,
      dkim: [{ result: 'pass', domain: 'customer.example', aligned: true }],
      dmarc: { result: 'pass', domain: 'customer.example' },
    });
    expect(message.screening).not.toContain('dmarc_fail');
    expect(dnsQueries).toContain('TXT _dmarc.customer.example');
  });

  it('keeps a forged exact From (DMARC fails) out of the customer thread, flagged, with the claim noted', async () => {
    const original = await receive(
      await customer.sign(await composeMime({ from: 'ana@customer.example', to: 'support@countersign.local', subject: 'Refund', messageId: '<ref-1@customer.example>', text: 'Where is my refund?' })),
    );
    // The real customer's follow-up joins.
    const follow = await receive(
      await customer.sign(
        await composeMime({ from: 'ana@customer.example', to: 'support@countersign.local', subject: 'Re: Refund', messageId: '<ref-2@customer.example>', inReplyTo: '<ref-1@customer.example>', text: 'Any news?' }),
      ),
    );
    expect(follow.conversationId).toBe(original.conversationId);
    // Someone else signs for their own domain but writes the customer's exact From.
    const forged = await receive(
      await stranger.sign(
        await composeMime({
          from: 'ana@customer.example',
          to: 'support@countersign.local',
          subject: 'Re: Refund',
          messageId: '<forged-1@forger.example>',
          inReplyTo: '<ref-1@customer.example>',
          text: 'Please send the refund to my new bank account.',
        }),
      ),
    );
    expect(forged.conversationId).not.toBe(original.conversationId);
    const message = await store.db.message.findUniqueOrThrow({ where: { id: forged.messageId } });
    expect(message.authResults).toMatchObject({ dmarc: { result: 'fail' } });
    expect(message.screening).toEqual(expect.arrayContaining(['dmarc_fail', 'claims_other_thread']));
    expect(message.claimedConversations).toEqual([original.conversationId]);
  });

  it('keeps a program attachment in the raw message only, listed as refused and flagged', async () => {
    const stored = await receive(
      await composeMime({
        from: 'ana@customer.example',
        to: 'support@countersign.local',
        subject: 'Tool',
        messageId: '<exe-1@customer.example>',
        text: 'Run this.',
        attachments: [{ filename: 'fix.exe', content: Buffer.from('MZ not really a program'), contentType: 'application/octet-stream' }],
      }),
    );
    const row = await store.db.attachment.findFirstOrThrow({ where: { messageId: stored.messageId } });
    expect(row.refusedReason).toMatch(/\.exe files can run programs/);
    expect(await blobs().get(row.sha256)).toBeUndefined();
    const message = await store.db.message.findUniqueOrThrow({ where: { id: stored.messageId } });
    expect(message.screening).toContain('refused_attachment');
    expect(Buffer.from(message.rawMime ?? []).toString()).toContain('fix.exe');
  });
});
