import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * What a newcomer's documents name, checked against the tree: file paths, npm scripts and
 * environment variables. Pure over its inputs, so a test can feed it a doctored copy.
 */
export interface Tree {
  root: string;
  /** package.json "scripts". */
  scripts: Set<string>;
  /** Variables the code reads: lib/platform/config/env.ts's schema plus OTHER_VARIABLES. */
  variables: Set<string>;
  /** Every file's base name, for bare names in prose (`sync-folder.ts` beside its folder). */
  basenames: Set<string>;
}

export interface Drift {
  doc: string;
  kind: 'path' | 'script' | 'variable';
  name: string;
}

// Folders a path in the docs is checked under; anything else (`data/…`, `/etc/…`, URLs) is not
// a file of the project.
const SOURCE_ROOTS = ['app', 'bench', 'components', 'devstack', 'docs', 'evals', 'lib', 'lint', 'prisma', 'scripts', 'tests', 'web', 'worker', '.ci'];
// Made when the project runs, never committed: named in the docs on purpose.
const GENERATED = ['tests/.artifacts/', 'bench/results/', 'lib/platform/db/generated/'];
// A file named without its folder: lower-case names with an extension, the upper-case docs.
const BARE_FILE = /^(?:[a-z0-9][\w-]*(?:\.[\w-]+)*\.(?:md|json|mjs|js|ts|tsx|yaml|sql|txt|jsonl)|[A-Z]+\.md|\.env\.example)$/;

/** Variables read outside env.ts's schema (by tools, tests or Node itself), each named here once. */
export const OTHER_VARIABLES: Record<string, string> = {
  TEST_DATABASE_URL: 'tests/support/postgres-global-setup.ts: the test tiers on your own server',
  RECORD_WORKFLOW_HISTORIES: 'tests/workflow: re-records the replay histories',
  NO_COLOR: 'devstack/start.ts: plain logs',
  NODE_ENV: 'Next.js and Node',
  CI: 'the CI runner',
  NODE_OPTIONS: 'Node: bench/pipeline/start-stack.ts preloads its probe with it',
  MALLOC_ARENA_MAX: 'glibc: devstack/stack.ts sets it for the worker',
};

// Upper-case words with underscores that are not variables: named here so a new one is a decision.
const NOT_VARIABLES = new Set(['THAT_TOKEN' /* a placeholder in a URL */]);

export function findDrift(doc: string, text: string, tree: Tree): Drift[] {
  const drift: Drift[] = [];
  const add = (kind: Drift['kind'], name: string) => {
    if (!drift.some((entry) => entry.kind === kind && entry.name === name)) drift.push({ doc, kind, name });
  };
  for (const name of pathsIn(text)) {
    const known = name.includes('/') ? pathExists(tree.root, name) : pathExists(tree.root, name) || tree.basenames.has(name);
    if (!known) add('path', name);
  }
  for (const match of text.matchAll(/\bnpm (?:run ([\w:.-]+)|(start|test)\b)/g)) {
    const script = match[1] ?? match[2] ?? '';
    if (!tree.scripts.has(script)) add('script', script);
  }
  for (const name of variablesIn(text)) if (!tree.variables.has(name) && !name.startsWith('NEXT_PUBLIC_')) add('variable', name);
  return drift;
}

/** Paths under the project's source folders, and root files, as the docs write them. */
export function pathsIn(text: string): string[] {
  const found = new Set<string>();
  text = text.replaceAll('](', '] ('); // a Markdown link's text and target are two mentions
  const roots = SOURCE_ROOTS.map((root) => root.replace('.', '\\.')).join('|');
  const underRoot = new RegExp(`(?<![\\w/.$-])((?:${roots})/[\\w./()\\[\\]@-]*)`, 'g');
  for (const match of text.matchAll(underRoot)) found.add(trimPath(match[1] ?? ''));
  // Files named without a folder, in code spans and links: `package.json`, (ARCHITECTURE.md).
  for (const match of text.matchAll(/[`(]([\w.-]+\.[\w]+)[`)#]/g)) if (BARE_FILE.test(match[1] ?? '')) found.add(match[1] ?? '');
  return [...found].filter((name) => name && !GENERATED.some((prefix) => name.startsWith(prefix)));
}

function trimPath(name: string): string {
  // Sentence punctuation and an unbalanced closing bracket are not part of the path.
  let trimmed = name.replace(/[.,:;]+$/, '');
  for (const [open, close] of [['(', ')'], ['[', ']']] as const) {
    while (trimmed.endsWith(close) && !trimmed.includes(open)) trimmed = trimmed.slice(0, -1).replace(/[.,:;]+$/, '');
  }
  return trimmed;
}

function pathExists(root: string, name: string): boolean {
  if (name.includes('*')) return existsSync(path.join(root, name.slice(0, name.indexOf('*'))));
  return existsSync(path.join(root, name));
}

/** Upper-case names with an underscore: in prose, code spans, code blocks and `NAME=` lines. */
export function variablesIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/(?<![\w-])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?![\w-])/g)) {
    const name = match[1] ?? '';
    if (!NOT_VARIABLES.has(name)) found.add(name);
  }
  return [...found];
}

/** Every file name in the tree (for bare names such as `sync-folder.ts` in prose). */
export function listFiles(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === '.git' || entry.name === '.next') return [];
    const relative = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(root, relative) : [relative];
  });
}
