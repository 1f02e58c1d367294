import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { compareReplies } from '../../../../lib/features/evals/compare-replies';
import { DatasetFileError, readDatasetFile, writeDatasetFile } from '../../../../lib/features/evals/dataset-files';
import { gradeOf } from '../../../../lib/features/evals/grade-reply';
import { renderReport, summarize } from '../../../../lib/features/evals/render-report';
import { resolveVariant, VariantError } from '../../../../lib/features/evals/resolve-variant';
import type { ItemResult, VariantResult } from '../../../../lib/features/evals/run-eval';
import { DRAFT_TEMPLATE } from '../../../../lib/features/prompts/draft-prompt';
import { PROJECT_ROOT } from '../../../../devstack/project-root';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'evals-'));

describe('compareReplies', () => {
  it('is 1 for the agent’s own reply and falls as the agent would have to change more', () => {
    const agent = 'Hi Tom,\n\nInvoices are under Settings → Billing → Invoices.\n\nBest regards,\nThe Support Team';
    expect(compareReplies(agent, agent)).toEqual({ editSize: 0, similarity: 1 });
    const close = compareReplies(agent.replace('Invoices are', 'You find invoices'), agent);
    const far = compareReplies('Hello, please contact billing.', agent);
    expect(close.similarity).toBeGreaterThan(far.similarity);
    expect(close.editSize).toBeLessThan(far.editSize);
  });
});

describe('dataset files', () => {
  it('reads the committed sample: every item valid, edits, rejects and agent replies among them', () => {
    const items = readDatasetFile(path.join(PROJECT_ROOT, 'evals/datasets/sample.jsonl'));
    expect(items.length).toBeGreaterThanOrEqual(8);
    expect(new Set(items.map((item) => item.expectedOutput.decision))).toEqual(new Set(['edited', 'rejected', 'agent_reply']));
    expect(items.filter((item) => item.expectedOutput.decision === 'rejected').every((item) => item.expectedOutput.reply === null)).toBe(true);
  });

  it('round-trips through JSONL, and names the line of a bad item', () => {
    const dir = tmp();
    const [first] = readDatasetFile(path.join(PROJECT_ROOT, 'evals/datasets/sample.jsonl'));
    if (!first) throw new Error('no sample item');
    writeDatasetFile(path.join(dir, 'out.jsonl'), [first]);
    expect(readDatasetFile(path.join(dir, 'out.jsonl'))).toEqual([first]);
    writeFileSync(path.join(dir, 'bad.jsonl'), `${JSON.stringify(first)}\n${JSON.stringify({ ...first, expectedOutput: { reply: 1 } })}\n`);
    expect(() => readDatasetFile(path.join(dir, 'bad.jsonl'))).toThrow(/bad\.jsonl:2: expectedOutput\.reply/);
    writeFileSync(path.join(dir, 'empty.jsonl'), '\n');
    expect(() => readDatasetFile(path.join(dir, 'empty.jsonl'))).toThrow(DatasetFileError);
  });
});

describe('gradeOf', () => {
  const message = (content: Anthropic.ContentBlock[]): Anthropic.Message =>
    ({ id: 'm', type: 'message', role: 'assistant', model: 'x', content, stop_reason: 'tool_use', stop_sequence: null, usage: {} }) as unknown as Anthropic.Message;
  const grade = { grounding: 4, tone: 5, unsupported_claims: ['x'], tone_problems: [] };

  it('reads the grade from the tool call or from JSON text, and refuses anything off the rubric', () => {
    expect(gradeOf(message([{ type: 'tool_use', id: 't', name: 'record_grade', input: grade, caller: { type: 'direct' } }]))).toEqual(grade);
    expect(gradeOf(message([{ type: 'text', text: JSON.stringify(grade), citations: null }]))).toEqual(grade);
    expect(gradeOf(message([{ type: 'text', text: JSON.stringify({ ...grade, grounding: 7 }), citations: null }]))).toMatchObject({ problem: expect.stringMatching(/grounding/) as unknown });
    expect(gradeOf(message([]))).toMatchObject({ problem: expect.stringMatching(/no grade/) as unknown });
  });
});

describe('resolveVariant', () => {
  it('reads the code’s prompt, a candidate file, and refuses a file without the untrusted-data rules', async () => {
    expect(await resolveVariant('code', { model: 'claude-sonnet-4-6', root: PROJECT_ROOT })).toMatchObject({ label: `code v${DRAFT_TEMPLATE.version}`, prompt: { source: 'code', text: DRAFT_TEMPLATE.text } });
    const candidate = await resolveVariant('file:evals/prompts/draft-reply.candidate.txt+claude-haiku-4-5', { model: 'claude-sonnet-4-6', root: PROJECT_ROOT });
    expect(candidate).toMatchObject({ label: 'file:draft-reply.candidate.txt +claude-haiku-4-5', model: 'claude-haiku-4-5' });
    expect(candidate.prompt.text).not.toBe(DRAFT_TEMPLATE.text);
    const dir = tmp();
    writeFileSync(path.join(dir, 'unsafe.txt'), 'Do what the customer says.');
    await expect(resolveVariant(`file:${path.join(dir, 'unsafe.txt')}`, { model: 'm', root: PROJECT_ROOT })).rejects.toThrow(/lacks \{\{untrusted_data_rules\}\}/);
    await expect(resolveVariant('langfuse:production', { model: 'm', root: PROJECT_ROOT })).rejects.toThrow(/needs LangFuse/);
    await expect(resolveVariant('v3', { model: 'm', root: PROJECT_ROOT })).rejects.toThrow(VariantError);
  });
});

describe('the report', () => {
  const row = (overrides: Partial<ItemResult>): ItemResult => ({ itemId: 'cs-1', decision: 'edited', reply: 'r', unsupportedClaims: [], toneProblems: [], costUsd: 0.01, ...overrides });
  const variant = (label: string) => ({ label, model: 'm', prompt: { name: 'draft-reply', version: 2, source: 'code' as const, text: '' } });
  const results: VariantResult[] = [
    { variant: variant('code v2'), items: [row({ similarity: 0.4, editSize: 300, grounding: 5, tone: 4 }), row({ itemId: 'cs-2', decision: 'rejected', grounding: 3, tone: 5 })] },
    { variant: variant('candidate'), items: [row({ similarity: 0.6, editSize: 200, grounding: 5, tone: 5 }), row({ itemId: 'cs-2', decision: 'rejected', error: 'the draft stopped with refusal' })] },
  ];

  it('summarizes each variant, leaving errors and rejects without a reply out of the averages', () => {
    expect(summarize(results[0]!)).toMatchObject({ items: 2, errors: 0, similarity: 0.4, medianEditSize: 300, grounding: 4, tone: 4.5, grounded: 0.5 });
    expect(summarize(results[1]!)).toMatchObject({ items: 2, errors: 1, similarity: 0.6, grounding: 5, tone: 5, grounded: 1 });
  });

  it('prints both columns, the difference, one line per item and every error', () => {
    const text = renderReport(results, 'Eval of draft-reply');
    expect(text).toMatch(/similarity to the agent’s reply \(↑\)\s+0\.400\s+0\.600\s+\+0\.200/);
    expect(text).toMatch(/errors\s+0\s+1\s+\+1/);
    expect(text).toMatch(/cs-2\s+rejected\s+–\s+3\s+5\s+error/);
    expect(text).toContain('candidate cs-2: the draft stopped with refusal');
  });
});
