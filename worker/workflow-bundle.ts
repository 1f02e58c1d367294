import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** What the bundle is made of: workflow code, what it may import (lint/layers.mjs), pinned packages, how it is built. */
const SOURCES = ['worker/workflows', 'lib/core', 'package-lock.json', 'worker/build-workflow-bundle.ts', 'worker/workflow-preload.ts'];
/** Where bundles are kept: beside the packages, or in the temp dir where those are read-only. */
const CACHE_DIRS = [path.join(ROOT, 'node_modules', '.cache', 'countersign'), path.join(os.tmpdir(), 'countersign-workflow-bundles')];

function writableCacheDir(): string {
  for (const dir of CACHE_DIRS) {
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
      return dir;
    } catch {
      // Read-only (an image's node_modules): try the next.
    }
  }
  throw new Error(`no writable directory for the workflow bundle: ${CACHE_DIRS.join(', ')}`);
}

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
 * The workflow bundle for these sources, built once and reused by every later start (a
 * restart or a second worker skips seconds of webpack). Webpack runs in a child process, so its
 * memory is returned when it exits instead of staying in the worker's heap. Concurrent starts
 * may both build; each writes a temporary file and renames it into place, so readers never see
 * half a bundle.
 */
export async function prebuiltWorkflowBundle(): Promise<{ codePath: string }> {
  const name = `workflow-bundle-${workflowSourcesFingerprint()}.js`;
  const built = CACHE_DIRS.map((dir) => path.join(dir, name)).find((file) => existsSync(file));
  if (built) return { codePath: built };
  const codePath = path.join(writableCacheDir(), name);
  // From the root, not from this file: the worker may run compiled, one folder below the root.
  const builder = path.join(ROOT, 'worker', 'build-workflow-bundle.ts');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', builder, codePath], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bundling the workflows failed (exit ${code}):\n${errors.slice(-4000)}`))));
  });
  return { codePath };
}
