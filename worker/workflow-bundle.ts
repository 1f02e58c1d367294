import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Workflow code may import only these (lint/layers.mjs), plus packages pinned by the lockfile. */
const SOURCES = ['worker/workflows', 'lib/core', 'package-lock.json'];
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'countersign');

function filesUnder(relative: string): string[] {
  const absolute = path.join(ROOT, relative);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [relative];
  return readdirSync(absolute, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(relative, entry.name)) : [path.join(relative, entry.name)]))
    .sort();
}

/** A hash of everything the bundle is made of: same sources, same bundle. */
export function workflowSourcesFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap(filesUnder)) hash.update(file).update('\0').update(readFileSync(path.join(ROOT, file))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/**
 * The workflow bundle for these sources, built once and reused by every later start. Webpack
 * runs in a child process: bundling in the worker itself would leave its heap hundreds of
 * megabytes larger for as long as the worker lives. Concurrent starts may both build; each
 * writes to a temporary file and renames it into place, so readers never see half a bundle.
 */
export async function prebuiltWorkflowBundle(): Promise<{ codePath: string }> {
  const codePath = path.join(CACHE_DIR, `workflow-bundle-${workflowSourcesFingerprint()}.js`);
  if (existsSync(codePath)) return { codePath };
  const builder = fileURLToPath(new URL('./build-workflow-bundle.ts', import.meta.url));
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', builder, codePath], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bundling the workflows failed (exit ${code}):\n${errors.slice(-4000)}`))));
  });
  return { codePath };
}
