import type { LangfuseApi } from '../../platform/observability/langfuse-api';
import type { PromptTemplate } from './prompt-template';

/**
 * `npm run prompts:push`: makes LangFuse's prompts match the code. A prompt whose labelled
 * version already has the code's text is left alone; one whose newest version has it gets the
 * label moved there; otherwise a new version is created with the label. So pushing twice, or
 * pushing code that did not change a prompt, creates nothing.
 */

export type PushAction = 'unchanged' | 'labelled' | 'created';

export interface PushResult {
  name: string;
  action: PushAction;
  /** The LangFuse version that now carries the label. */
  version: number;
  codeVersion: number;
}

interface RemotePrompt {
  version: number;
  type: string;
  prompt: unknown;
}

async function find(api: LangfuseApi, name: string, label: string): Promise<RemotePrompt | null> {
  const response = await api.request('GET', `/api/public/v2/prompts/${encodeURIComponent(name)}?label=${encodeURIComponent(label)}`);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`LangFuse answered ${response.status} for prompt ${name}: ${JSON.stringify(response.json).slice(0, 200)}`);
  return response.json as RemotePrompt;
}

const sameText = (remote: RemotePrompt | null, template: PromptTemplate) => remote?.type === 'text' && remote.prompt === template.text;

export async function pushPrompts(
  api: LangfuseApi,
  templates: readonly PromptTemplate[],
  options: { label: string; release?: string; dryRun?: boolean },
): Promise<PushResult[]> {
  const results: PushResult[] = [];
  for (const template of templates) {
    const base = { name: template.name, codeVersion: template.version };
    const labelled = await find(api, template.name, options.label);
    if (labelled && sameText(labelled, template)) {
      results.push({ ...base, action: 'unchanged', version: labelled.version });
      continue;
    }
    const latest = options.label === 'latest' ? labelled : await find(api, template.name, 'latest');
    if (latest && sameText(latest, template)) {
      if (!options.dryRun) {
        await api.expectOk('PATCH', `/api/public/v2/prompts/${encodeURIComponent(template.name)}/versions/${latest.version}`, { newLabels: [options.label] });
      }
      results.push({ ...base, action: 'labelled', version: latest.version });
      continue;
    }
    if (options.dryRun) {
      results.push({ ...base, action: 'created', version: (latest?.version ?? 0) + 1 });
      continue;
    }
    const created = (await api.expectOk('POST', '/api/public/v2/prompts', {
      name: template.name,
      type: 'text',
      prompt: template.text,
      labels: options.label === 'latest' ? [] : [options.label],
      config: { codeVersion: template.version, variables: template.variables },
      commitMessage: `Countersign code version ${template.version}${options.release ? ` (release ${options.release})` : ''}`,
    })) as RemotePrompt;
    results.push({ ...base, action: 'created', version: created.version });
  }
  return results;
}
