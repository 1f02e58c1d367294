import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What a trace calls this deployment (LangFuse "release"): RELEASE when set (a deploy tag),
 * else the git commit of the checkout the process runs from, else the package version. Read
 * once at start; the .git files are read directly, so no git binary is needed.
 */
export function resolveRelease(options: { release?: string; root: string }): string {
  return options.release ?? gitCommit(options.root) ?? packageVersion(options.root) ?? 'unknown';
}

export function packageVersion(root: string): string | undefined {
  try {
    const json = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof json.version === 'string' ? json.version : undefined;
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The git directory: `.git` itself, or the one a worktree's `.git` file points to. */
function gitDir(root: string): string | undefined {
  const dotGit = path.join(root, '.git');
  if (!existsSync(dotGit)) return undefined;
  const pointer = readText(dotGit);
  if (pointer?.startsWith('gitdir:')) return path.resolve(root, pointer.slice('gitdir:'.length).trim());
  return dotGit;
}

export function gitCommit(root: string): string | undefined {
  const dir = gitDir(root);
  const head = dir && readText(path.join(dir, 'HEAD'));
  if (!dir || !head) return undefined;
  const sha = /^[0-9a-f]{40}$/;
  if (sha.test(head)) return head.slice(0, 12);
  const ref = /^ref: (.+)$/.exec(head)?.[1];
  if (!ref) return undefined;
  // A worktree keeps its HEAD apart but shares refs with the main repository.
  const common = readText(path.join(dir, 'commondir'));
  const refDirs = [dir, ...(common ? [path.resolve(dir, common)] : [])];
  for (const refDir of refDirs) {
    const loose = readText(path.join(refDir, ref));
    if (loose && sha.test(loose)) return loose.slice(0, 12);
    const packed = readText(path.join(refDir, 'packed-refs'));
    const line = packed?.split('\n').find((entry) => entry.endsWith(` ${ref}`));
    const packedSha = line?.split(' ')[0];
    if (packedSha && sha.test(packedSha)) return packedSha.slice(0, 12);
  }
  return undefined;
}
