/**
 * Creates or updates the app's prompts in LangFuse from the code:
 *   npm run prompts:push [-- --label production] [--dry-run]
 * A new version only when a prompt's text changed; otherwise the label is left or moved.
 * The worker then reads them by label (LANGFUSE_PROMPT_LABEL) and links every generation.
 */
import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { env } from '../lib/platform/config/env';
import { LangfuseApi } from '../lib/platform/observability/langfuse-api';
import { resolveRelease } from '../lib/platform/observability/release';
import { pushPrompts } from '../lib/features/prompts/push-prompts';
import { PROMPT_TEMPLATES } from '../lib/features/prompts/prompt-templates';

async function main(): Promise<number> {
  const config = env();
  const { values } = parseArgs({ options: { label: { type: 'string', default: config.LANGFUSE_PROMPT_LABEL }, 'dry-run': { type: 'boolean', default: false } } });
  if (!config.LANGFUSE_PUBLIC_KEY || !config.LANGFUSE_SECRET_KEY) {
    console.error('Set LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY (and LANGFUSE_BASE_URL for a self-hosted LangFuse) to push prompts.');
    return 2;
  }
  const api = new LangfuseApi({ baseUrl: config.LANGFUSE_BASE_URL, publicKey: config.LANGFUSE_PUBLIC_KEY, secretKey: config.LANGFUSE_SECRET_KEY, timeoutMs: 15_000 });
  const release = resolveRelease({ release: config.RELEASE, root: fileURLToPath(new URL('..', import.meta.url)) });
  const results = await pushPrompts(api, PROMPT_TEMPLATES, { label: values.label, release, dryRun: values['dry-run'] });
  const verb = { unchanged: 'unchanged at', labelled: `labelled "${values.label}":`, created: values['dry-run'] ? 'would create' : 'created' } as const;
  for (const result of results) {
    console.log(`${result.name.padEnd(16)} code v${result.codeVersion}  ${verb[result.action]} LangFuse version ${result.version}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
