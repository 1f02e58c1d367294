import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileEntries } from '../../../devstack/compile-entries';
import { compiledPath } from '../../../devstack/compiled-entries';
import { supervisorNodeArgs } from '../../../devstack/supervisor-command';
import { PROJECT_ROOT } from '../../../devstack/project-root';

/**
 * npm start runs its long-lived entries compiled (devstack/compile-entries.ts). What tsx
 * resolves and plain node must resolve too once compiled: the `@/` alias, our relative imports
 * without extensions, and a file inside a package that has no `exports` map (node's ES module
 * resolution refuses `nodemailer/lib/addressparser`; tsx found its index.js).
 */
const scratch = mkdtempSync(path.join(PROJECT_ROOT, '.build-test-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('compiled entries', () => {
  it('run under plain node with aliases, extensionless imports and a deep package file', async () => {
    const entry = path.join(scratch, 'entry.ts');
    writeFileSync(
      entry,
      [
        "import addressparser from 'nodemailer/lib/addressparser';",
        "import { z } from 'zod';",
        "import { ROLES } from '@/lib/core/roles';",
        "import { PROJECT_ROOT } from '../devstack/project-root';",
        "const parsed = addressparser('Ana Ortiz <ana@example.test>') as { address: string }[];",
        'console.log(JSON.stringify({ address: parsed[0]?.address, roles: ROLES.length > 0, zod: z.string().parse(\'ok\'), root: PROJECT_ROOT }));',
      ].join('\n'),
    );
    // One level below the root, as .build/ is.
    await compileEntries({ entries: { probe: path.relative(PROJECT_ROOT, entry) }, outdir: scratch });
    const printed = execFileSync(process.execPath, [path.join(scratch, 'probe.mjs')], { cwd: os.tmpdir(), encoding: 'utf8' });
    const result = JSON.parse(printed) as { address: string; roles: boolean; zod: string; root: string };
    // import.meta.url-relative paths resolve as they do from the sources, wherever node starts.
    expect(result).toEqual({ address: 'ana@example.test', roles: true, zod: 'ok', root: PROJECT_ROOT });
  });
});

describe('the supervisor command', () => {
  it("is read from package.json's start script, flags and all", () => {
    const args = supervisorNodeArgs();
    expect(args.at(-1)).toBe(compiledPath('start'));
    // Its young generation is bounded: the supervisor relays every child's lines, and the
    // default 16 MB semi-spaces kept about 30 MB of that garbage resident at idle.
    expect(args).toContain('--max-semi-space-size=1');
  });

  it('refuses a start script that does not end by running the compiled supervisor', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'start-script-'));
    try {
      writeFileSync(path.join(root, 'package.json'), JSON.stringify({ scripts: { start: 'tsx devstack/start.ts' } }));
      expect(() => supervisorNodeArgs(root)).toThrow(/should end in "node \[--flags\] \.build\/start\.mjs"/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
