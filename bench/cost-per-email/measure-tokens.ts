import type Anthropic from '@anthropic-ai/sdk';
import { DEMO_EMAILS, type DemoEmail } from '../../devstack/demo-emails';
import type { KnowledgeArticle } from '../../lib/features/knowledge/types';
import { selectRelevantPassages } from '../../lib/features/knowledge/select-relevant';
import { CLASSIFICATION_TOOL } from '../../lib/features/prompts/classification';
import type { TokenUsage } from '../../lib/platform/llm/observer';
import { buildClassifyRequest } from '../../lib/features/prompts/classify-prompt';
import { buildDraftRequest, type TriageNotes } from '../../lib/features/prompts/draft-prompt';
import { STYLE_GUIDE } from '../../lib/features/prompts/style-guide';
import type { ThreadEntry } from '../../lib/features/prompts/thread';
import { tokenUsageOf } from '../../lib/platform/llm/token-usage';

/**
 * Token counts of the demo set, measured rather than guessed: the app's real prompt builders
 * sent through the real SDK to the offline Claude simulator, which accounts input, output and
 * prompt-cache reads/writes the way the API does, with each model's real minimum cacheable
 * prefix. Emails go in order, as a fresh worker would process them, so the first one writes
 * the cache and later ones may read it (all within the 5-minute TTL).
 */

export interface EmailTokens {
  key: string;
  classify: TokenUsage;
  draft: TokenUsage;
}

/**
 * `designed`: the app's prompts (labelled examples and style guide in a cached prefix).
 * `lean`: the same prompts without the examples, the style guide and any breakpoint: the
 * smallest prompt an uncached design would send, for an honest baseline.
 */
export type PromptVariant = 'designed' | 'lean';

export interface MeasureOptions {
  claude: Anthropic;
  classifyModel: string;
  draftModel: string;
  categories: readonly string[];
  knowledge: readonly KnowledgeArticle[];
  emails?: readonly DemoEmail[];
  variant?: PromptVariant;
}

// The same triage notes the draft activity passes on.
function triageNotes(message: Anthropic.Message): TriageNotes {
  const call = message.content.find((part) => part.type === 'tool_use' && part.name === CLASSIFICATION_TOOL);
  const input = (call?.type === 'tool_use' ? call.input : {}) as Record<string, unknown>;
  const field = (name: string) => (typeof input[name] === 'string' ? input[name] : '?');
  return { category: field('category'), priority: field('priority'), sentiment: field('sentiment'), summary: field('summary') };
}

const uncachedBlocks = (blocks: Anthropic.TextBlockParam[]): Anthropic.TextBlockParam[] =>
  blocks.map(({ cache_control: _breakpoint, ...block }) => block);

function lean(request: Anthropic.MessageCreateParamsNonStreaming, kind: 'classify' | 'draft'): Anthropic.MessageCreateParamsNonStreaming {
  const system = request.system as Anthropic.TextBlockParam[];
  if (kind === 'classify') return { ...request, system: uncachedBlocks(system.slice(0, 1)) };
  const [instructions, ...rest] = system;
  const withoutGuide = instructions ? [{ ...instructions, text: instructions.text.replace(`\n\n${STYLE_GUIDE}`, '') }] : [];
  return { ...request, system: uncachedBlocks([...withoutGuide, ...rest]) };
}

export async function measureDemoTokens(options: MeasureOptions): Promise<EmailTokens[]> {
  const shape = options.variant === 'lean' ? lean : (request: Anthropic.MessageCreateParamsNonStreaming) => request;
  const measured: EmailTokens[] = [];
  for (const email of options.emails ?? DEMO_EMAILS) {
    const thread: ThreadEntry[] = [
      { direction: 'inbound', from: email.from, subject: email.subject, text: email.text, sentAt: '2026-11-21T09:00:00.000Z' },
    ];
    const classified = await options.claude.messages.create(
      shape(buildClassifyRequest({ model: options.classifyModel, categories: options.categories, thread }), 'classify'),
    );
    const drafted = await options.claude.messages.create(
      shape(buildDraftRequest({ model: options.draftModel, thread, triage: triageNotes(classified), passages: selectRelevantPassages(options.knowledge, `${email.subject}\n${email.text}`) }), 'draft'),
    );
    measured.push({ key: email.key, classify: tokenUsageOf(classified.usage), draft: tokenUsageOf(drafted.usage) });
  }
  return measured;
}
