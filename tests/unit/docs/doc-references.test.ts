import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema } from '../../../lib/platform/config/env';
import { PROJECT_ROOT } from '../../support/project-root';
import { findDrift, listFiles, OTHER_VARIABLES, type Tree } from './doc-references';

/**
 * The documents a newcomer reads first name files, npm scripts and environment variables;
 * each must exist, so a rename or a removal that forgets the docs fails here.
 */
const DOCS = ['README.md', 'ARCHITECTURE.md', '.env.example', 'bench/README.md', 'evals/README.md'];
const packageJson = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const tree: Tree = {
  root: PROJECT_ROOT,
  scripts: new Set(Object.keys(packageJson.scripts)),
  variables: new Set([...Object.keys(envSchema.shape), ...Object.keys(OTHER_VARIABLES)]),
  basenames: new Set(listFiles(PROJECT_ROOT).map((file) => path.basename(file))),
};
const read = (doc: string) => readFileSync(path.join(PROJECT_ROOT, doc), 'utf8');

describe('the docs name only what exists', () => {
  it.each(DOCS)('%s', (doc) => {
    expect(findDrift(doc, read(doc), tree)).toEqual([]);
  });

  it('checks something: the README names paths, scripts and variables', () => {
    const text = read('README.md');
    const none: Tree = { root: path.join(PROJECT_ROOT, 'no-such-folder'), scripts: new Set(), variables: new Set(), basenames: new Set() };
    const kinds = new Set(findDrift('README.md', text, none).map((entry) => entry.kind));
    expect(kinds).toEqual(new Set(['path', 'script', 'variable']));
  });

  it('fails on a renamed file, script and variable the docs still name, listing each', () => {
    // ARCHITECTURE.md as it would read had the code renamed these three and the docs not followed.
    const text = read('ARCHITECTURE.md')
      .replaceAll('lib/platform/db/client.ts', 'lib/platform/db/connection.ts')
      .replaceAll('npm run db:migrate', 'npm run db:migrations')
      .replaceAll('DATABASE_POOL_SIZE', 'DATABASE_POOL_MAX');
    expect(text).not.toBe(read('ARCHITECTURE.md'));
    expect(findDrift('ARCHITECTURE.md', text, tree)).toEqual([
      { doc: 'ARCHITECTURE.md', kind: 'path', name: 'lib/platform/db/connection.ts' },
      { doc: 'ARCHITECTURE.md', kind: 'script', name: 'db:migrations' },
      { doc: 'ARCHITECTURE.md', kind: 'variable', name: 'DATABASE_POOL_MAX' },
    ]);
  });

  it('keeps "Connect your mailbox" within the README\'s first screenfuls (150 lines)', () => {
    const line = read('README.md').split('\n').findIndex((text) => text.startsWith('### Connect your mailbox'));
    expect(line).toBeGreaterThan(0);
    expect(line).toBeLessThan(150);
  });
});
