import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '@/devstack/project-root';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('watchAncestors', () => {
  it('notices when a grandparent (npm, its shell) is killed and the process is orphaned', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'countersign-watch-'));
    const script = path.join(dir, 'orphan.ts');
    writeFileSync(
      script,
      `import { watchAncestors } from '${PROJECT_ROOT}/devstack/ancestor-watch';\n` +
        `console.log('watching');\n` +
        `watchAncestors((pid) => { console.log('gone ' + pid); process.exit(0); }, 100);\n` +
        `setInterval(() => undefined, 1000);\n`,
    );
    const tsx = path.join(PROJECT_ROOT, 'node_modules/.bin/tsx');
    // sh stands in for npm's shell: it stays the script's grandparent until we kill it.
    const shell = spawn('sh', ['-c', `"${tsx}" "${script}" & wait`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    shell.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await expect.poll(() => output, { timeout: 20_000 }).toContain('watching');

    shell.kill('SIGKILL');
    await expect.poll(() => output, { timeout: 10_000 }).toContain(`gone ${shell.pid}`);
  });
});
