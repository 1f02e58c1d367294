import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layersPlugin } from '../../../lint/layers.mjs';
import { PROJECT_ROOT } from '../../support/project-root';

/** The layer rule alone, on a file at `file` with this source. */
function layerErrors(file: string, source: string): string[] {
  const linter = new Linter({ configType: 'flat', cwd: PROJECT_ROOT });
  const messages = linter.verify(
    source,
    [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser }, plugins: { layers: layersPlugin }, rules: { 'layers/imports': 'error' } }],
    path.join(PROJECT_ROOT, file),
  );
  return messages.map((message) => message.message);
}

describe('layer allow-lists', () => {
  it.each([
    ['app/inbox/page.tsx', "import { getDb } from '@/lib/platform/db';", /app\/ may not import lib\/platform\/db/],
    ['app/inbox/page.tsx', "import { getTemporalClient } from '../../lib/platform/temporal/client';", /may not import lib\/platform\/temporal/],
    ['lib/core/policy/x.ts', "import { createHash } from 'node:crypto';", /may not import the package node:crypto/],
    ['lib/core/policy/x.ts', "import { getDb } from '../../platform/db';", /lib\/core\/ may not import lib\/platform\/db/],
    ['lib/platform/llm/x.ts', "import { listInbox } from '../../read/inbox/list-inbox';", /lib\/platform\/ may not import lib\/read/],
    ['lib/features/users/x.ts', "import { requireUser } from '../../web/auth';", /lib\/features\/ may not import lib\/web\/auth/],
    ['worker/workflows/x.ts', "import { createActivities } from '../activities';", /as types only/],
    ['worker/workflows/x.ts', "import { getDb } from '../../lib/platform/db';", /worker\/workflows\/ may not import/],
    ['worker/activities/x.ts', "import { listInbox } from '../../lib/read/inbox/list-inbox';", /worker\/ may not import lib\/read/],
    ['lib/features/intake/x.ts', "import { startStack } from '../../../devstack/stack';", /may not import devstack\/stack/],
    ['components/x.tsx', "import { getDb } from '@/lib/platform/db';", /components\/ may not import/],
  ])('refuses %s importing %s', (file, source, expected) => {
    expect(layerErrors(file, source)).toEqual([expect.stringMatching(expected)]);
  });

  it.each([
    ['app/inbox/page.tsx', "import { listInbox } from '@/lib/read/inbox/list-inbox';"],
    ['worker/workflows/x.ts', "import type { Activities } from '../activities';"],
    ['worker/workflows/x.ts', "import { routeDraft } from '../../lib/core/policy/route-draft';"],
    ['lib/core/contract2.ts', "import { defineSignal } from '@temporalio/workflow';"],
    ['lib/features/users/x.ts', "import { recordAudit } from '../audit/record-audit';"],
    ['devstack/x.ts', "import { env } from '../lib/platform/config/env';"],
  ])('allows %s importing %s', (file, source) => {
    expect(layerErrors(file, source)).toEqual([]);
  });

  // The project's computed config for a page, not a lint of it: linting loads the type-aware
  // parser's whole program, which took 20 s here and over a minute on a loaded CI machine.
  it('is switched on in the project config', async () => {
    const eslint = new ESLint({ cwd: PROJECT_ROOT });
    const config = (await eslint.calculateConfigForFile(path.join(PROJECT_ROOT, 'app/page.tsx'))) as Linter.Config;
    // Loaded by ESLint's own import of lint/layers.mjs: the same plugin, another module instance.
    expect(Object.keys(config.plugins?.layers?.rules ?? {})).toEqual(Object.keys(layersPlugin.rules ?? {}));
    const setting = config.rules?.['layers/imports'];
    expect(Array.isArray(setting) ? setting[0] : setting).toBe(2);
  });
});
