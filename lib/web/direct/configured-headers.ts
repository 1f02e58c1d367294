import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const manifestSchema = z.object({
  headers: z.array(z.object({ regex: z.string(), headers: z.array(z.object({ key: z.string(), value: z.string() })) })),
});

export type ConfiguredHeaders = (pathname: string) => { key: string; value: string }[];

/**
 * The response headers next.config.js sets for a path (the security headers), read from the
 * build's routes manifest, where `next build` compiled them: a response web/main.ts answers
 * itself carries the same ones Next would have added, with no second list to keep in step.
 */
export function configuredHeaders(projectDir: string): ConfiguredHeaders {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(projectDir, '.next', 'routes-manifest.json'), 'utf8')));
  const rules = manifest.headers.map((rule) => ({ regex: new RegExp(rule.regex), headers: rule.headers }));
  return (pathname) => rules.filter((rule) => rule.regex.test(pathname)).flatMap((rule) => rule.headers);
}
