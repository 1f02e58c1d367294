import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LangfusePromptClient } from '../../platform/observability/langfuse-prompts';
import { DRAFT_TEMPLATE } from '../prompts/draft-prompt';
import { fetchTemplate } from '../prompts/prompt-source';
import { codePrompt, templateProblem, type ResolvedPrompt } from '../prompts/prompt-template';
import type { EvalVariant } from './run-eval';

/**
 * What `npm run eval -- --prompt <spec>` compares, for the drafting prompt:
 *   code                    the text in lib/features/prompts (its code version)
 *   file:<path>             a candidate text in a file, checked like a LangFuse version
 *   langfuse:<label>        the version LangFuse has under a label (production, staging…)
 *   langfuse@<version>      one LangFuse version by number
 * Each may end in `+<model>` to replay it with another model than the run's default.
 */

export class VariantError extends Error {
  override name = 'VariantError';
}

export async function resolveVariant(spec: string, options: { model: string; prompts?: LangfusePromptClient; root: string }): Promise<EvalVariant> {
  const [promptSpec = '', modelOverride] = spec.split('+');
  const model = modelOverride?.trim() || options.model;
  const prompt = await resolvePrompt(promptSpec.trim(), options);
  const label = `${labelOf(promptSpec.trim(), prompt)}${modelOverride ? ` +${model}` : ''}`;
  return { label, prompt, model };
}

function labelOf(spec: string, prompt: ResolvedPrompt): string {
  if (spec === 'code') return `code v${prompt.version}`;
  if (spec.startsWith('file:')) return `file:${path.basename(spec.slice(5))}`;
  return `langfuse v${prompt.version}`;
}

async function resolvePrompt(spec: string, options: { prompts?: LangfusePromptClient; root: string }): Promise<ResolvedPrompt> {
  if (spec === 'code') return codePrompt(DRAFT_TEMPLATE);
  if (spec.startsWith('file:')) {
    const file = path.resolve(options.root, spec.slice(5));
    let text: string;
    try {
      text = readFileSync(file, 'utf8').replace(/\n$/, '');
    } catch (error) {
      throw new VariantError(`cannot read the prompt file ${file}: ${(error as Error).message}`);
    }
    const problem = templateProblem(DRAFT_TEMPLATE, text);
    if (problem) throw new VariantError(`${file}: ${problem}`);
    return { name: DRAFT_TEMPLATE.name, version: DRAFT_TEMPLATE.version, source: 'code', text };
  }
  const byLabel = /^langfuse:([a-z0-9_.-]+)$/.exec(spec);
  const byVersion = /^langfuse@(\d+)$/.exec(spec);
  if (byLabel || byVersion) {
    if (!options.prompts) throw new VariantError(`${spec} needs LangFuse: set LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY`);
    const selector = byLabel ? { label: byLabel[1] ?? '' } : { version: Number(byVersion?.[1]) };
    const found = await fetchTemplate(options.prompts, DRAFT_TEMPLATE, selector);
    if ('problem' in found) throw new VariantError(`${spec}: ${found.problem ?? `LangFuse has no such version of ${DRAFT_TEMPLATE.name}`}`);
    return found;
  }
  throw new VariantError(`unknown prompt "${spec}": use code, file:<path>, langfuse:<label> or langfuse@<version>`);
}
