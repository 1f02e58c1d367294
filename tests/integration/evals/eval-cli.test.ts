import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evalItemIdFor } from '../../../lib/features/evals/eval-item';
import { readDatasetFile } from '../../../lib/features/evals/dataset-files';
import { runCli } from '../../support/run-cli';
import { createTempDb, type TempDb } from '../../support/temp-db';
import { startLangfuseReceiver, type LangfuseReceiver } from '../../unit/platform/observability/langfuse-receiver';

/**
 * `npm run eval` and `npm run eval:export` as an operator runs them: their own processes, with
 * no Claude configured (the eval starts the simulator itself), with LangFuse configured (a
 * local stand-in), and on the database an `npm start` or a deployment uses.
 */

// Nothing of the developer's own setup may leak in: offline means offline.
const OFFLINE = { ANTHROPIC_API_KEY: '', ANTHROPIC_BASE_URL: '', LANGFUSE_PUBLIC_KEY: '', LANGFUSE_SECRET_KEY: '', DATABASE_URL: '' };

let receiver: LangfuseReceiver | undefined;
let store: TempDb | undefined;
afterEach(async () => {
  await receiver?.close();
  await store?.close();
  receiver = undefined;
  store = undefined;
});

describe('npm run eval', () => {
  it('compares the code’s prompt with the candidate on the sample, offline, against a simulator it starts', async () => {
    const run = await runCli('evals/run.ts', OFFLINE, undefined, ['--limit', '3']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Eval of draft-reply on evals/datasets/sample.jsonl: 3 items');
    expect(run.stdout).toContain('the offline simulator (started for this run)');
    expect(run.stdout).toMatch(/similarity to the agent’s reply \(↑\)\s+\d\.\d{3}\s+\d\.\d{3}\s+[+=-]/);
    expect(run.stdout).toMatch(/code v3\s+file:draft-reply\.candidate\.txt/);
    expect(run.stdout).not.toContain('Errors:');
  });

  it('records the runs in LangFuse when it is configured', async () => {
    receiver = await startLangfuseReceiver();
    const run = await runCli(
      'evals/run.ts',
      { ...OFFLINE, LANGFUSE_PUBLIC_KEY: 'pk-lf-cli-0001', LANGFUSE_SECRET_KEY: 'sk-lf-cli-0002', LANGFUSE_BASE_URL: receiver.url },
      undefined,
      ['--dataset', 'evals/datasets/sample.jsonl', '--limit', '2'],
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Recorded in LangFuse as dataset runs of sample.');
    expect(receiver.datasetItems.size).toBe(2);
    expect(receiver.datasetRunItems).toHaveLength(4);
    expect(receiver.rejected).toEqual([]);
  });

  it('says what is wrong with a dataset or a prompt, and runs nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'eval-cli-'));
    writeFileSync(path.join(dir, 'broken.jsonl'), '{"id":"x"}\n');
    const broken = await runCli('evals/run.ts', OFFLINE, undefined, ['--dataset', path.join(dir, 'broken.jsonl')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.jsonl:1: input/);
    const prompt = await runCli('evals/run.ts', OFFLINE, undefined, ['--prompt', 'code', '--prompt', 'langfuse:production']);
    expect(prompt.code).toBe(2);
    expect(prompt.stderr).toMatch(/needs LangFuse/);
  });
});

describe('npm run eval:export', () => {
  it('writes the stored edits and rejects as a dataset that eval reads', async () => {
    store = await createTempDb();
    const { db } = store;
    await db.conversation.create({
      data: { id: 'conv-x', rootMessageId: '<r@x>', subject: 'Invoices', customerEmail: 'tom@example.com', status: 'sent', lastMessageAt: new Date(), lastMessagePreview: '' },
    });
    const sample = readDatasetFile('evals/datasets/sample.jsonl')[1];
    if (!sample) throw new Error('no sample item');
    await db.evalItem.create({
      data: {
        id: evalItemIdFor('conv-x', 'msg-x'),
        dataset: 'countersign-agent-edits',
        conversationId: 'conv-x',
        messageId: 'msg-x',
        source: 'edited',
        input: sample.input,
        expectedOutput: sample.expectedOutput,
        metadata: { conversationId: 'conv-x' },
      },
    });
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'eval-export-')), 'dataset.jsonl');
    const run = await runCli('evals/export.ts', { ...OFFLINE, DATABASE_URL: store.url }, undefined, ['--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Wrote 1 items of countersign-agent-edits to ${out}`);
    expect(readDatasetFile(out)).toEqual([{ id: evalItemIdFor('conv-x', 'msg-x'), input: sample.input, expectedOutput: sample.expectedOutput, metadata: { conversationId: 'conv-x' } }]);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(1);
  });
});
