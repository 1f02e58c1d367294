import { verificationFacts, type VerificationFacts } from '../../lib/core/safety/verification';
import { recordShadowCheck } from '../../lib/features/autonomy/record-shadow';
import { fitThread } from '../../lib/features/prompts/thread';
import { toDraftVerification, VERIFICATION_TOOL, verificationSchema } from '../../lib/features/prompts/verification';
import { codePromptSource } from '../../lib/features/prompts/prompt-source';
import { buildVerifyRequest, VERIFY_RETRY_MAX_TOKENS, VERIFY_TEMPLATE } from '../../lib/features/prompts/verify-prompt';
import { resolveModel } from '../../lib/platform/llm/resolve-model';
import { askModelCheck } from './ask-model-check';
import { checkStatusOnly } from '../../lib/core/safety/check-status';
import { readingTheDatabase } from './database-failure';
import type { ActivityDeps } from './deps';
import { foldingLlmCalls } from './held-llm-calls';
import { readVerifyInputs } from './read-verify-inputs';

export interface VerifyDraftInput {
  conversationId: string;
  draftVersion: number;
}

/** Room kept for the instructions, examples, knowledge, draft and the answer when fitting a thread. */
const PROMPT_OVERHEAD_TOKENS = 20_000;

/**
 * The second, independent check of a draft (a small structured call, by default Haiku). Any
 * answer but a clean pass, and any failure to get one (a refusal, a cut-off or invalid answer),
 * is a reason for a person to decide; API errors fail the activity and the workflow treats
 * them the same. The answer is stored for the agent.
 */
export function createVerifyDraft(deps: ActivityDeps) {
  return async function verifyDraft(input: VerifyDraftInput): Promise<VerificationFacts> {
    // The check's calls are written with its verdict, or on their own when the step fails.
    return foldingLlmCalls(deps, async (held): Promise<VerificationFacts> => {
      const { db, config } = deps;
      const model = config.verifyModel ?? config.classifyModel;
      // The check reads exactly what the drafter was given, never a fresh retrieval.
      const [{ draft, thread, passages, customerAddress, budget }, prompt] = await readingTheDatabase(() =>
        Promise.all([
          readVerifyInputs({ ...input, budgetDefaults: config.modelBudgetDefaults }, db),
          (deps.prompts ?? codePromptSource).resolve(VERIFY_TEMPLATE),
        ]),
      );
      const shape = fitThread(thread, resolveModel(model).contextWindow - PROMPT_OVERHEAD_TOKENS);
      const build = (maxTokens?: number) =>
        buildVerifyRequest({
          model,
          thread: shape.thread,
          omitted: shape.omitted,
          draft: draft.aiBody,
          passages,
          maxTokens,
          cacheTtl: config.cacheTtl,
          template: prompt.text,
        });
      const { facts, answer } = await askModelCheck(deps, {
        held,
        call: {
          conversationId: input.conversationId,
          messageId: draft.basedOnMessageId,
          purpose: 'verify',
          customerAddress,
          budget,
          prompt: { name: prompt.name, version: prompt.version, source: prompt.source },
        },
        build,
        retryMaxTokens: VERIFY_RETRY_MAX_TOKENS,
        tool: VERIFICATION_TOOL,
        schema: verificationSchema,
        read: toDraftVerification,
        judge: verificationFacts,
      });
      // The verdict and the check's calls in one statement (held-llm-calls.ts).
      await readingTheDatabase(() => held.writeWith((llmCalls) => recordShadowCheck({ ...input, check: 'verification', facts, answer }, llmCalls, db)));
      // The reasons stay in the store: the workflow (and its history) gets the status only.
      return checkStatusOnly(facts);
    });
  };
}
