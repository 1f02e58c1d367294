import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// What a production build depends on. devstack/ is left out on purpose: it is the
// launcher itself, never imported by the app, and editing it should not cost a rebuild.
const SOURCE_DIRS = ['app', 'components', 'lib', 'public'];
const SOURCE_FILES = [
  'next.config.js',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
  'prisma/schema.prisma',
];
const FINGERPRINT_FILE = path.join('.next', 'countersign-fingerprint');

/**
 * A hash of every source file's path and content, plus the NEXT_PUBLIC_* values inlined at
 * build time. Content, not mtimes: `npm ci` regenerates the Prisma client byte for byte and
 * that should not cost a rebuild. A few hundred small files hash in milliseconds.
 */
export function sourceFingerprint(root: string, publicEnv: Record<string, string>): string {
  const hash = createHash('sha256');
  const files = [...SOURCE_DIRS.flatMap((dir) => listFiles(root, dir)), ...SOURCE_FILES].sort();
  for (const file of files) {
    const full = path.join(root, file);
    if (!existsSync(full)) continue;
    hash.update(`${file}\0`).update(readFileSync(full)).update('\n');
  }
  for (const key of Object.keys(publicEnv).sort()) hash.update(`${key}=${publicEnv[key]}\n`);
  return hash.digest('hex');
}

/** Why a build is needed, or undefined when `.next` matches the sources. */
export function buildNeeded(root: string, fingerprint: string): string | undefined {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) return 'no production build yet';
  const fingerprintPath = path.join(root, FINGERPRINT_FILE);
  if (!existsSync(fingerprintPath)) return 'the existing build was not made by npm start';
  if (readFileSync(fingerprintPath, 'utf8').trim() !== fingerprint) return 'sources changed since the last build';
  return undefined;
}

export function recordBuild(root: string, fingerprint: string): void {
  writeFileSync(path.join(root, FINGERPRINT_FILE), `${fingerprint}\n`);
}

function listFiles(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(root, relative);
    return entry.isFile() ? [relative] : [];
  });
}
