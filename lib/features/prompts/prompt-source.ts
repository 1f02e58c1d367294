import type { LangfusePromptClient, PromptSelector } from '../../platform/observability/langfuse-prompts';
import { codePrompt, templateProblem, type PromptTemplate, type ResolvedPrompt } from './prompt-template';

/**
 * Where the activities get a prompt's text: the code (offline, in tests, and whenever LangFuse
 * is not configured: no network at all), or LangFuse by label with the code as the fallback.
 * A LangFuse version is used only when it is a text prompt whose variables are exactly the
 * template's; otherwise the code's text is used and the reason logged once.
 */
export interface PromptSource {
  resolve(template: PromptTemplate): Promise<ResolvedPrompt>;
  /** One version of a template (an A/B variant): LangFuse's when it has it, else the code's own; undefined when neither. */
  resolveVersion?(template: PromptTemplate, version: number): Promise<ResolvedPrompt | undefined>;
}

export const codePromptSource: PromptSource = {
  resolve: async (template) => codePrompt(template),
  resolveVersion: async (template, version) => (version === template.version ? codePrompt(template) : undefined),
};

export function langfusePromptSource(client: LangfusePromptClient, options: { label: string; log?: (message: string) => void }): PromptSource {
  const warned = new Set<string>();
  return {
    resolve: async (template) => {
      const resolved = await fetchTemplate(client, template, { label: options.label });
      if ('problem' in resolved) {
        const key = `${template.name}:${resolved.problem}`;
        if (resolved.problem && !warned.has(key)) {
          warned.add(key);
          (options.log ?? console.warn)(`[prompts] ${template.name} from LangFuse is not usable (${resolved.problem}); using the code's version ${template.version}.`);
        }
        return codePrompt(template);
      }
      return resolved;
    },
    resolveVersion: async (template, version) => {
      const resolved = await fetchTemplate(client, template, { version });
      if (!('problem' in resolved)) return resolved;
      return version === template.version ? codePrompt(template) : undefined;
    },
  };
}

/** A LangFuse version of a template (by label or version), checked; `problem` says why not. */
export async function fetchTemplate(
  client: LangfusePromptClient,
  template: PromptTemplate,
  selector: PromptSelector,
): Promise<ResolvedPrompt | { problem: string | null }> {
  const fetched = await client.get(template.name, selector);
  if (!fetched) return { problem: null };
  if (fetched.type !== 'text' || typeof fetched.prompt !== 'string') return { problem: `version ${fetched.version} is not a text prompt` };
  const problem = templateProblem(template, fetched.prompt);
  if (problem) return { problem: `version ${fetched.version}: ${problem}` };
  return { name: template.name, version: fetched.version, source: 'langfuse', text: fetched.prompt };
}
