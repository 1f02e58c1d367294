import { codePromptSource, type PromptSource } from '../prompts/prompt-source';
import type { PromptTemplate, ResolvedPrompt } from '../prompts/prompt-template';

/** A version of a template an A/B variant asks for, or undefined when it does not exist (as a usable text prompt). */
export async function promptVersionOf(prompts: PromptSource, template: PromptTemplate, version: number): Promise<ResolvedPrompt | undefined> {
  const source = prompts.resolveVersion ? prompts : codePromptSource;
  return source.resolveVersion?.(template, version);
}
