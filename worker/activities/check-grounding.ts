import { groundingFacts, type ModelCheckFacts } from '../../lib/core/safety/grounding';
import { recordShadowCheck } from '../../lib/features/autonomy/record-shadow';
import { buildGroundRequest, GROUND_RETRY_MAX_TOKENS, GROUND_TEMPLATE, GROUNDING_TOOL, groundingSchema, toGroundingAnswer } from '../../lib/features/prompts/grounding-prompt';
import { codePromptSource } from '../../lib/features/prompts/prompt-source';
import { addressOf } from '../../lib/platform/mail/addresses';
import { findCustomerIdentifiers as customerIdentifiers } from '../../lib/core/safety/claims';
import { askModelCheck } from './ask-model-check';
import { checkStatusOnly } from '../../lib/core/safety/check-status';
import { readingTheDatabase } from './database-failure';
import type { ActivityDeps } from './deps';
import { foldingLlmCalls } from './held-llm-calls';
import { readGroundingInputs } from './read-grounding-inputs';

export interface CheckGroundingInput {
  conversationId: string;
  draftVersion: number;
}

/**
 * The check that never reads the email (lib/core/safety/grounding.ts): the draft against the
 * passages the drafter was given and what our systems know. Any answer but a clean pass, and
 * any failure to get one, is a no; an unavailable database is retried by the workflow, never a no.
 */
export function createCheckGrounding(deps: ActivityDeps) {
  return async function checkGrounding(input: CheckGroundingInput): Promise<ModelCheckFacts> {
    // The check's calls are written with its verdict, or on their own when the step fails.
    return foldingLlmCalls(deps, async (held): Promise<ModelCheckFacts> => {
      const { db, config } = deps;
      const model = config.verifyModel ?? config.classifyModel;
      const [read, prompt] = await readingTheDatabase(() =>
        Promise.all([readGroundingInputs({ ...input, budgetDefaults: config.modelBudgetDefaults }, db), (deps.prompts ?? codePromptSource).resolve(GROUND_TEMPLATE)]),
      );
      const { draft, conversation, budget } = read;
      // Code extracts the customer's own order numbers; the email's text never reaches the check.
      const identifiers = customerIdentifiers(read.inbound.map((message) => `${message.subject}\n${message.textBody ?? ''}`).join('\n'));
      const passages = read.passages.map((passage) => ({ id: passage.id, text: `${passage.heading}\n${passage.text}` }));
      const build = (maxTokens?: number) =>
        buildGroundRequest({
          model,
          draft: draft.aiBody,
          passages,
          known: {
            mailboxAddress: conversation.mailbox?.address ?? addressOf(config.mailFrom),
            customerAddress: conversation.customerAddress,
            customerName: conversation.customerName,
            customerIdentifiers: identifiers,
            staffNames: read.staffNames,
          },
          maxTokens,
          template: prompt.text,
        });
      const { facts, answer } = await askModelCheck(deps, {
        held,
        call: {
          conversationId: input.conversationId,
          messageId: draft.basedOnMessageId,
          purpose: 'ground',
          customerAddress: conversation.customerAddress,
          budget,
          prompt: { name: prompt.name, version: prompt.version, source: prompt.source },
        },
        build,
        retryMaxTokens: GROUND_RETRY_MAX_TOKENS,
        tool: GROUNDING_TOOL,
        schema: groundingSchema,
        read: toGroundingAnswer,
        judge: groundingFacts,
      });
      // The verdict and the check's calls in one statement (held-llm-calls.ts).
      await readingTheDatabase(() => held.writeWith((llmCalls) => recordShadowCheck({ ...input, check: 'grounding', facts, answer }, llmCalls, db)));
      // The reasons stay in the store: the workflow (and its history) gets the status only.
      return checkStatusOnly(facts);
    });
  };
}
