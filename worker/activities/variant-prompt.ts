import { ApplicationFailure } from '@temporalio/activity';
import { MODEL_FAILURES } from '../../lib/core/failures';
import { promptVersionOf } from '../../lib/features/ab-tests/prompt-version';
import type { PromptSource } from '../../lib/features/prompts/prompt-source';
import type { PromptTemplate, ResolvedPrompt } from '../../lib/features/prompts/prompt-template';

/**
 * The prompt version an A/B variant asks for. One that does not exist (any more) fails the
 * variant for good: the workflow offers the other side alone, with this reason shown.
 */
export async function resolvePromptVersion(prompts: PromptSource, template: PromptTemplate, version: number): Promise<ResolvedPrompt> {
  const resolved = await promptVersionOf(prompts, template, version);
  if (resolved) return resolved;
  throw ApplicationFailure.create({ type: MODEL_FAILURES.requestRejected, message: `version ${version} of the prompt ${template.name} does not exist`, nonRetryable: true });
}
