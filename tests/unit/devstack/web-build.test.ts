import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildNeeded, recordBuild, sourceFingerprint } from '@/devstack/web-build';

let root: string;

function write(file: string, content: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'countersign-build-'));
  write('app/page.tsx', 'export default function Page() { return null; }');
  write('lib/data/list-inbox.ts', 'export const a = 1;');
  write('devstack/start.ts', 'export {};');
  write('next.config.js', 'export default {};');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function builtWith(fingerprint: string): void {
  write('.next/BUILD_ID', 'abc');
  recordBuild(root, fingerprint);
}

describe('web build fingerprint', () => {
  it('builds when there is no build yet', () => {
    expect(buildNeeded(root, sourceFingerprint(root, {}))).toBe('no production build yet');
  });

  it('reuses a build whose sources are unchanged', () => {
    builtWith(sourceFingerprint(root, {}));
    expect(buildNeeded(root, sourceFingerprint(root, {}))).toBeUndefined();
  });

  it('rebuilds after an app or lib source changes', () => {
    builtWith(sourceFingerprint(root, {}));
    write('lib/data/list-inbox.ts', 'export const a = 2;');
    expect(buildNeeded(root, sourceFingerprint(root, {}))).toBe('sources changed since the last build');
  });

  it('rebuilds when a NEXT_PUBLIC_ value changes, since it is inlined at build time', () => {
    builtWith(sourceFingerprint(root, { NEXT_PUBLIC_X: '1' }));
    expect(buildNeeded(root, sourceFingerprint(root, { NEXT_PUBLIC_X: '2' }))).toBe('sources changed since the last build');
  });

  it('ignores edits to the launcher itself', () => {
    builtWith(sourceFingerprint(root, {}));
    write('devstack/start.ts', 'export const changed = true;');
    expect(buildNeeded(root, sourceFingerprint(root, {}))).toBeUndefined();
  });

  it('does not trust a build it did not make', () => {
    write('.next/BUILD_ID', 'abc');
    expect(buildNeeded(root, sourceFingerprint(root, {}))).toBe('the existing build was not made by npm start');
  });
});
