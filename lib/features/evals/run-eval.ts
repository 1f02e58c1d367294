import type Anthropic from '@anthropic-ai/sdk';
import type { TokenUsage } from '../../platform/llm/observer';
import type { PriceTable } from '../../platform/llm/price-table';
import { computeCostUsd } from '../../platform/llm/pricing';
import { tokenUsageOf } from '../../platform/llm/token-usage';
import type { EvalCallRecord, EvalRunRecorder } from '../../platform/observability/eval-recorder';
import type { KnowledgeArticle } from '../knowledge/types';
import { selectRelevantPassages } from '../knowledge/select-relevant';
import { extractCitations } from '../../core/knowledge/citations';
import { buildDraftRequest } from '../prompts/draft-prompt';
import type { ResolvedPrompt } from '../prompts/prompt-template';
import { compareReplies } from './compare-replies';
import type { EvalItem } from './eval-item';
import { buildGradeRequest, GRADE_PROMPT, gradeOf } from './grade-reply';

/**
 * Replays a dataset against prompt versions and a model: for every item and variant, the
 * drafting request is built from the item's thread and triage notes with the variant's prompt
 * text, sent to Claude, and the reply scored by its distance to what the agent actually sent
 * and by the fixed grading rubric (another Claude call). Items run in order, variants side by
 * side; a failed call is reported on its row, never hidden.
 */

export interface EvalVariant {
  /** How the table names it: "code v2", "langfuse v7", "file:candidate.txt". */
  label: string;
  prompt: ResolvedPrompt;
  model: string;
}

export interface EvalRunInput {
  items: readonly EvalItem[];
  variants: readonly EvalVariant[];
  claude: Anthropic;
  graderModel: string;
  knowledge: readonly KnowledgeArticle[];
  prices?: PriceTable;
  /** Records each item's run in LangFuse (a dataset run per variant); absent offline. */
  recorder?: EvalRunRecorder;
}

export interface ItemResult {
  itemId: string;
  decision: EvalItem['expectedOutput']['decision'];
  reply: string | null;
  /** Against the agent's reply; absent when the agent sent none (a reject without a reply). */
  editSize?: number;
  similarity?: number;
  grounding?: number;
  tone?: number;
  unsupportedClaims: string[];
  toneProblems: string[];
  costUsd: number;
  error?: string;
}

export interface VariantResult {
  variant: EvalVariant;
  items: ItemResult[];
}

async function call(claude: Anthropic, request: Anthropic.MessageCreateParamsNonStreaming, prices?: PriceTable) {
  const startedAt = new Date();
  const message = await claude.messages.create(request);
  const usage: TokenUsage = tokenUsageOf(message.usage);
  return { message, usage, costUsd: computeCostUsd(message.model, usage, prices).costUsd, startedAt, endedAt: new Date() };
}

function textOf(message: Anthropic.Message): string {
  return message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('').trim();
}

async function runOne(input: EvalRunInput, variant: EvalVariant, item: EvalItem): Promise<ItemResult> {
  const base: ItemResult = { itemId: item.id, decision: item.expectedOutput.decision, reply: null, unsupportedClaims: [], toneProblems: [], costUsd: 0 };
  const calls: EvalCallRecord[] = [];
  const email = item.input.thread.filter((entry) => entry.direction === 'inbound').at(-1) ?? item.input.thread.at(-1);
  let result = base;
  try {
    const request = buildDraftRequest({
      model: variant.model,
      thread: item.input.thread,
      triage: item.input.triage ?? undefined,
      passages: selectRelevantPassages(input.knowledge, `${email?.subject ?? ''}\n${email?.text ?? ''}`),
      templates: { draft: variant.prompt.text },
    });
    const draft = await call(input.claude, request, input.prices);
    calls.push({ name: 'draft', request, ...draft, prompt: variant.prompt });
    // The markers are for the code; the grader and the comparison read the reply as sent.
    const reply = extractCitations(textOf(draft.message)).text;
    result = { ...result, reply, costUsd: draft.costUsd };
    if (draft.message.stop_reason !== 'end_turn' || !reply) throw new Error(`the draft stopped with ${draft.message.stop_reason ?? 'no reason'}${reply ? '' : ' and no text'}`);
    const reference = item.expectedOutput.reply;
    if (reference !== null) result = { ...result, ...compareReplies(reply, reference) };
    const gradeRequest = buildGradeRequest({ model: input.graderModel, email: email ?? { from: '', sentAt: '', subject: '', text: '' }, knowledge: input.knowledge, candidate: reply, reference });
    const graded = await call(input.claude, gradeRequest, input.prices);
    calls.push({ name: 'grade', request: gradeRequest, ...graded, prompt: { ...GRADE_PROMPT, source: 'code' } });
    result = { ...result, costUsd: result.costUsd + graded.costUsd };
    const grade = gradeOf(graded.message);
    if ('problem' in grade) throw new Error(`the grade was unusable: ${grade.problem}`);
    result = { ...result, grounding: grade.grounding, tone: grade.tone, unsupportedClaims: grade.unsupported_claims, toneProblems: grade.tone_problems };
  } catch (error) {
    result = { ...result, error: error instanceof Error ? error.message : String(error) };
  }
  await input.recorder?.recordItem({ variantLabel: variant.label, item, result, calls });
  return result;
}

export async function runEval(input: EvalRunInput): Promise<VariantResult[]> {
  const results: VariantResult[] = input.variants.map((variant) => ({ variant, items: [] }));
  for (const item of input.items) {
    const row = await Promise.all(input.variants.map((variant) => runOne(input, variant, item)));
    row.forEach((one, index) => results[index]?.items.push(one));
  }
  return results;
}
