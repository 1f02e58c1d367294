import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envSchema, parseEnv } from '@/lib/platform/config/env';
import { PROJECT_ROOT } from '@/devstack/project-root';

const example = readFileSync(`${PROJECT_ROOT}/.env.example`, 'utf8');
// `NAME=value`, or `# NAME=` for variables better left unset in a copied file.
const documented = [...example.matchAll(/^(?:# )?([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((match) => ({
  name: match[1] ?? '',
  value: match[2] ?? '',
}));

describe('.env.example', () => {
  it('documents every variable the configuration schema reads, and nothing else', () => {
    expect(documented.map((entry) => entry.name).sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('is a valid configuration when copied to .env as it is', () => {
    const values = Object.fromEntries(documented.map((entry) => [entry.name, entry.value]));
    expect(() => parseEnv(values)).not.toThrow();
  });
});
