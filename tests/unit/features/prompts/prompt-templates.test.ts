import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildClassifyRequest, CLASSIFY_TEMPLATE } from '../../../../lib/features/prompts/classify-prompt';
import { buildDraftRequest, DRAFT_TEMPLATE, REVISE_TEMPLATE } from '../../../../lib/features/prompts/draft-prompt';
import { defineTemplate, renderPrompt, templateProblem } from '../../../../lib/features/prompts/prompt-template';
import { PROMPT_TEMPLATES } from '../../../../lib/features/prompts/prompt-templates';

// The requests as they were before the prompts became templates (with customer text that
// looks like a template variable): moving the texts into templates changed no byte.
const golden = JSON.parse(readFileSync(new URL('./prompt-requests.golden.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const thread = [{ direction: 'inbound' as const, from: 'Jane <jane@example.com>', sentAt: '2026-01-01T00:00:00.000Z', subject: 'Refund {{x}}', text: 'Hi, refund please {{previous_draft}}' }];
const passages = [{ id: 'refunds@v1#1', heading: 'Refunds', text: 'Refunds within 30 days.' }];

describe('prompt templates', () => {
  it('build exactly the requests the code built before', () => {
    expect(JSON.parse(JSON.stringify({
      classifyTool: buildClassifyRequest({ model: 'claude-haiku-4-5', categories: ['account', 'billing', 'other'], thread, cacheTtl: '1h' }),
      classifyStructured: buildClassifyRequest({ model: 'claude-sonnet-5-5', categories: ['account', 'billing', 'other'], thread }),
      draft: buildDraftRequest({ model: 'claude-sonnet-4-6', thread, passages, triage: { category: 'billing', priority: 'high', sentiment: 'negative', summary: 'wants refund' } }),
      revise: buildDraftRequest({ model: 'claude-sonnet-4-6', thread, passages, revisionInstructions: 'shorter {{untrusted_data_rules}}', previousDraft: 'Old draft {{revision_instructions}}', maxTokens: 4000 }),
    }))).toEqual(golden);
  });

  it('use a text from LangFuse in place of the code’s, with the safety rules still filled in', () => {
    const request = buildDraftRequest({
      model: 'claude-sonnet-4-6',
      thread,
      passages,
      templates: { draft: 'Reply briefly.\n\n{{untrusted_data_rules}}' },
    });
    const system = request.system as { text: string }[];
    expect(system[0]?.text).toMatch(/^Reply briefly\.\n\nCustomer emails appear inside <untrusted_email> elements/);
  });

  it('refuse a text that drops a required variable or invents one', () => {
    expect(templateProblem(DRAFT_TEMPLATE, 'Be nice.')).toBe('the text lacks {{untrusted_data_rules}}');
    expect(templateProblem(REVISE_TEMPLATE, '{{previous_draft}} {{revision_instructions}} {{secret}}')).toBe('the text uses unknown variables {{secret}}');
    expect(templateProblem(CLASSIFY_TEMPLATE, CLASSIFY_TEMPLATE.text)).toBeNull();
    expect(() => defineTemplate({ name: 'x', version: 1, variables: ['a'], text: 'no variable' })).toThrow(/lacks \{\{a\}\}/);
  });

  it('fill variables in one pass, so text that looks like a variable stays text', () => {
    expect(renderPrompt('A {{x}} B {{ y }}', { x: '{{y}}', y: 'why' })).toBe('A {{y}} B why');
  });

  it('name every prompt LangFuse manages once', () => {
    expect(PROMPT_TEMPLATES.map((template) => template.name)).toEqual(['classify-email', 'draft-reply', 'revise-reply', 'verify-draft', 'ground-draft', 'team-notes']);
  });
});
