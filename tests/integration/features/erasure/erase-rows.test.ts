import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addParticipant } from '../../../../lib/features/conversations/participants/add-participant';
import { eraseOrphanBlobs } from '../../../../lib/features/erasure/erase-orphan-blobs';
import { eraseRows } from '../../../../lib/features/erasure/erase-rows';
import { scopeErasure } from '../../../../lib/features/erasure/erasure-scope';
import { finishErasure } from '../../../../lib/features/erasure/finish-erasure';
import { createLocalBlobStore } from '../../../../lib/platform/storage/local-blob-store';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { scanDatabase } from '../../support/scan-database';

/**
 * The erasure's database and storage steps on real PostgreSQL, for a customer who is also a
 * participant in someone else's thread: their own conversation goes whole, their message in the
 * other thread goes with its attachment and evaluation example, the other customer's messages
 * and the content they share stay; a second run changes nothing.
 */

const X = 'xavier.erased@example.com';
const Y = 'yolanda.stays@example.com';
let temp: TempDb;
let dir: string;

beforeAll(async () => {
  temp = await createTempDb();
  dir = mkdtempSync(path.join(os.tmpdir(), 'countersign-erase-rows-'));
});
afterAll(async () => {
  await temp.close();
  rmSync(dir, { recursive: true, force: true });
});

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function conversation(id: string, customer: string) {
  await temp.db.conversation.create({
    data: { id, rootMessageId: `<${id}@t>`, subject: `about ${customer}`, customerEmail: customer, customerAddress: customer, status: 'sent', lastMessageAt: new Date(), lastMessagePreview: `from ${customer}` },
  });
}

async function message(conversationId: string, key: string, from: string, attachment?: Buffer, claimed: string[] = []) {
  const row = await temp.db.message.create({
    data: { conversationId, direction: 'inbound', messageIdHeader: `<${key}@t>`, dedupeKey: `in:${key}`, fromAddress: from, senderAddress: from, subject: 's', textBody: `text by ${from}`, sentAt: new Date(), claimedConversations: claimed, rawMime: Buffer.from(`From: ${from}\r\n\r\nhello`) },
  });
  if (attachment) {
    await temp.db.attachment.create({ data: { conversationId, messageId: row.id, sha256: sha(attachment), filename: 'f.bin', contentType: 'application/octet-stream', sizeBytes: attachment.length } });
  }
  return row;
}

describe('erasing a customer in the database and storage', () => {
  it('removes them from their threads and others’, keeps everyone else and shared contents, and is idempotent', async () => {
    const blobs = createLocalBlobStore(path.join(dir, 'attachments'));
    const own = Buffer.from(`only ${X} sent this`);
    const shared = Buffer.from('a brochure both sent');
    for (const bytes of [own, shared]) await blobs.put(sha(bytes), bytes);
    await conversation('conv-x', X);
    await conversation('conv-y', Y);
    // X's mail claimed to reply in Y's thread; an agent let X join it.
    const claim = await message('conv-x', 'x1', X, shared, ['conv-y']);
    const yMessage = await message('conv-y', 'y1', Y, shared);
    const xInY = await message('conv-y', 'x2', X, own);
    await temp.db.evalItem.create({ data: { id: 'eval-x2', dataset: 'd', conversationId: 'conv-y', messageId: xInY.id, source: 'edited', input: { text: `by ${X}` }, expectedOutput: {} } });
    await addParticipant({ conversationId: 'conv-y', messageId: claim.id, actorId: 'agent-1' }, temp.db);
    expect((await scanDatabase(temp.db, X)).map((hit) => hit.table)).toEqual(
      expect.arrayContaining(['AuditLog', 'Conversation', 'ConversationParticipant', 'EvalItem', 'Message']),
    );

    const request = await temp.db.erasureRequest.create({ data: { kind: 'customer', address: X, subjectHash: 'h', requestedBy: 'admin-1' } });
    expect(await scopeErasure(request.id, temp.db)).toMatchObject({ conversationIds: ['conv-x'], messageIds: [xInY.id] });
    const counted = await eraseRows(request.id, temp.db);
    expect(counted).toEqual({ conversations: 1, messages: 2, attachments: 2, evalItems: 1 });
    expect(await eraseRows(request.id, temp.db)).toEqual(counted);
    expect(await eraseOrphanBlobs(request.id, blobs, temp.db)).toBe(1);
    await finishErasure(request.id, { ...counted, blobs: 1, traces: 0, workflowRuns: 0 }, temp.db);

    expect(await scanDatabase(temp.db, X)).toEqual([]);
    expect(await scanDatabase(temp.db, 'xavier.erased')).toEqual([]);
    expect(await blobs.get(sha(own))).toBeUndefined();
    expect(await blobs.get(sha(shared))).toEqual(shared);
    expect(await temp.db.message.findUnique({ where: { id: yMessage.id } })).not.toBeNull();
    expect(await temp.db.conversation.findUnique({ where: { id: 'conv-y' } })).not.toBeNull();
    expect((await scanDatabase(temp.db, Y)).length).toBeGreaterThan(0);
  });
});
