import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildNeeded, recordBuild, sourceFingerprint } from '../../../devstack/web-build';
import { PROJECT_ROOT } from '../../support/project-root';

/** `next build` unless `.next` already matches the sources (the same check `npm start` makes). */
export async function ensureWebBuild(): Promise<void> {
  const fingerprint = sourceFingerprint(PROJECT_ROOT, {});
  if (!buildNeeded(PROJECT_ROOT, fingerprint)) return;
  // A shell's environment, not vitest's: NODE_ENV=test must not reach next build.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST'))) as unknown as NodeJS.ProcessEnv;
  let output = '';
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'next'), ['build'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`next build failed (${code}):\n${output.slice(-4000)}`);
  recordBuild(PROJECT_ROOT, fingerprint);
}
