import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erasureWorkflowId, type ErasureCounts } from '../../../../lib/core/privacy/erasure-contract';
import { requestErasure } from '../../../../lib/features/erasure/request-erasure';
import { subjectHash } from '../../../../lib/features/erasure/subject-hash';
import { createLocalBlobStore } from '../../../../lib/platform/storage/local-blob-store';
import { PDF_BYTES } from '../../../fixtures/mime';
import { startLangfuseReceiver, type LangfuseReceiver } from '../../../unit/platform/observability/langfuse-receiver';
import { waitUntilSettled } from '../../support/deliver-email';
import { findInHistories } from '../../support/history-text';
import { scanDatabase } from '../../support/scan-database';
import { startSystem, type System } from '../../support/system';
import { deliverRaw, type CustomerMail } from './privacy-fixture';

/**
 * A customer's erasure (GDPR art. 17) through the real system: the worker process, a Temporal
 * dev server, PostgreSQL, attachment files on disk and the LangFuse stand-in. Before it the
 * customer's address and words are everywhere they are expected (so the checks can fail); after
 * it no table, attachment file, LangFuse record or workflow history holds them, while another
 * customer's conversation and the attachment content both sent stay. Histories carry ids only:
 * neither customer's text nor address is in any payload of any workflow at any time.
 */

const ZELDA = 'zelda.quarrington.7731@erasure-test.example';
const ZELDA_WORD = 'Quixotryx';
const BRAM = 'bram.oakes.5519@other-test.example';
const BRAM_WORD = 'Wombatique';
const admin = { id: 'admin-1', role: 'admin' as const };

const zeldaMail: CustomerMail = {
  name: 'Zelda Quarrington',
  address: ZELDA,
  subject: `Password reset link never arrives for ${ZELDA_WORD}`,
  text: `Hi, I tried to reset my password three times but the reset email never shows up (I checked spam). My username is ${ZELDA_WORD}. Can you help me get back in? Thanks, Zelda`,
  attachments: [
    { filename: 'screenshot-notes.txt', contentType: 'text/plain', bytes: Buffer.from(`Notes from ${ZELDA}: the ${ZELDA_WORD} account cannot sign in.`) },
    { filename: 'terms.pdf', contentType: 'application/pdf', bytes: PDF_BYTES },
  ],
};
const bramMail: CustomerMail = {
  name: 'Bram Oakes',
  address: BRAM,
  subject: `Refund for ${BRAM_WORD} or my lawyer`,
  text: `Your software lost our ${BRAM_WORD} data. I want a full refund of $4,800 by Friday or my lawyer (write to ${BRAM}) will take this to court.`,
  attachments: [{ filename: 'terms.pdf', contentType: 'application/pdf', bytes: PDF_BYTES }],
};

let system: System;
let receiver: LangfuseReceiver;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'countersign-erasure-'));
  receiver = await startLangfuseReceiver();
  system = await startSystem(
    { holdSeconds: 1, autoSendCategories: ['account'] },
    {
      DATA_DIR: dir,
      LANGFUSE_PUBLIC_KEY: 'pk-lf-erasure-0001',
      LANGFUSE_SECRET_KEY: 'sk-lf-erasure-0002',
      LANGFUSE_BASE_URL: receiver.url,
      LANGFUSE_CUSTOMER_KEY_SECRET: 'customer-key-secret-for-erasure',
    },
  );
  await system.startWorker();
});

afterAll(async () => {
  await system?.stop();
  await receiver?.close();
  rmSync(dir, { recursive: true, force: true });
});

function filesHolding(needles: string[]): string[] {
  const root = path.join(dir, 'attachments');
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return files
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => {
      const text = readFileSync(file).toString('latin1').toLowerCase();
      return needles.some((needle) => text.includes(needle.toLowerCase()));
    });
}

const langfuseHolding = (needle: string) =>
  JSON.stringify([[...receiver.traces.values()], [...receiver.scores.values()], [...receiver.datasetItems.values()], receiver.datasetRunItems])
    .toLowerCase()
    .includes(needle.toLowerCase());

async function historyGone(workflowId: string): Promise<boolean> {
  try {
    await system.temporal.client.workflow.getHandle(workflowId).fetchHistory();
    return false;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError || /not found/i.test((error as Error).message)) return true;
    throw error;
  }
}

describe('privacy', () => {
  it('keeps mail text and addresses out of every workflow history', async () => {
    const blobs = createLocalBlobStore(path.join(dir, 'attachments'));
    const zelda = await deliverRaw(system, blobs, zeldaMail);
    const bram = await deliverRaw(system, blobs, bramMail);
    await waitUntilSettled(system, [zelda.conversationId, bram.conversationId], 120_000);
    expect(await system.store.db.conversation.count()).toBe(2);
    expect(await findInHistories(system.temporal.client, [ZELDA, ZELDA_WORD, BRAM, BRAM_WORD, 'zelda.quarrington', 'bram.oakes'])).toEqual([]);
  });

  it('erases a customer everywhere, keeps everyone else, and audits only a hash and counts', async () => {
    const { db } = system.store;
    const zelda = await db.conversation.findFirstOrThrow({ where: { customerAddress: ZELDA } });
    const bram = await db.conversation.findFirstOrThrow({ where: { customerAddress: BRAM } });
    // The checks below can fail: before the erasure the customer is everywhere they should be.
    await receiver.waitFor(() => langfuseHolding(ZELDA_WORD), 15_000);
    expect((await scanDatabase(db, ZELDA)).map((hit) => hit.table)).toEqual(expect.arrayContaining(['Conversation', 'Message']));
    expect((await scanDatabase(db, ZELDA_WORD)).length).toBeGreaterThan(0);
    expect(filesHolding([ZELDA, ZELDA_WORD])).toHaveLength(1);
    expect(await historyGone(zelda.id)).toBe(false);
    const blobFilesBefore = readdirSync(path.join(dir, 'attachments'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;

    const messagesBefore = await db.message.count({ where: { conversationId: zelda.id } });
    const { erasureId } = await requestErasure(admin, { address: ZELDA.toUpperCase(), confirmAddress: ZELDA }, { getClient: async () => system.temporal.client, taskQueue: system.taskQueue }, db);
    const counts: ErasureCounts = await system.temporal.client.workflow.getHandle(erasureWorkflowId(erasureId)).result();

    expect(counts).toMatchObject({ conversations: 1, attachments: 2, blobs: 1 });
    expect(counts.messages).toBe(messagesBefore);
    expect(counts.traces).toBe(counts.messages);
    expect(counts.workflowRuns).toBeGreaterThanOrEqual(1);

    // No table, file, LangFuse record or history holds the address or the words.
    for (const needle of [ZELDA, ZELDA_WORD, 'zelda.quarrington']) {
      expect(await scanDatabase(db, needle), needle).toEqual([]);
      expect(langfuseHolding(needle), needle).toBe(false);
    }
    expect(filesHolding([ZELDA, ZELDA_WORD])).toEqual([]);
    expect(await historyGone(zelda.id)).toBe(true);
    expect(await findInHistories(system.temporal.client, [ZELDA, ZELDA_WORD, 'zelda.quarrington'])).toEqual([]);
    expect(receiver.rejected).toEqual([]);

    // Everyone else stays: the other conversation, its history, its trace, the shared PDF.
    expect(await db.conversation.findUnique({ where: { id: bram.id } })).not.toBeNull();
    expect(await historyGone(bram.id)).toBe(false);
    expect(langfuseHolding(BRAM_WORD)).toBe(true);
    const remaining = readdirSync(path.join(dir, 'attachments'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
    expect(remaining).toBe(blobFilesBefore - 1);
    const pdf = await db.attachment.findFirstOrThrow({ where: { conversationId: bram.id, filename: 'terms.pdf' } });
    expect(await createLocalBlobStore(path.join(dir, 'attachments')).get(pdf.sha256)).toEqual(PDF_BYTES);

    // The audit: who asked, a hash of the address and the counts.
    const audits = await db.auditLog.findMany({ where: { target: `erasure:${erasureId}` }, orderBy: { createdAt: 'asc' } });
    expect(audits.map((entry) => entry.action)).toEqual(['customer.erasure.request', 'customer.erasure.done']);
    expect(audits[1]?.after).toEqual({ subjectHash: subjectHash(ZELDA), counts: { ...counts } });
    const request = await db.erasureRequest.findUniqueOrThrow({ where: { id: erasureId } });
    expect(request).toMatchObject({ status: 'done', address: null, pendingBlobs: [] });
  });
});
