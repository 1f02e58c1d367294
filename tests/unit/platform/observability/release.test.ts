import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { customerDomain, customerKey } from '../../../../lib/platform/observability/customer-key';
import { gitCommit, resolveRelease } from '../../../../lib/platform/observability/release';
import { PROJECT_ROOT } from '../../../../devstack/project-root';

describe('resolveRelease', () => {
  it('prefers RELEASE, then the checkout’s commit, then the package version', () => {
    expect(resolveRelease({ release: 'v2026.03.1', root: PROJECT_ROOT })).toBe('v2026.03.1');
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    // This checkout may be a worktree (a .git file pointing elsewhere): read without git.
    expect(resolveRelease({ root: PROJECT_ROOT })).toBe(head.slice(0, 12));
    const bare = mkdtempSync(path.join(os.tmpdir(), 'release-'));
    writeFileSync(path.join(bare, 'package.json'), '{"version":"3.1.4"}');
    expect(resolveRelease({ root: bare })).toBe('3.1.4');
  });

  it('follows a branch through packed refs', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'release-'));
    mkdirSync(path.join(root, '.git'));
    writeFileSync(path.join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(path.join(root, '.git', 'packed-refs'), `# pack-refs\n${'a1'.repeat(20)} refs/heads/main\n`);
    expect(gitCommit(root)).toBe('a1a1a1a1a1a1');
  });
});

describe('customerKey', () => {
  it('is stable per address whatever its case, differs per secret, and reveals nothing of the address', () => {
    const key = customerKey('secret-one-0123456789', 'Jane.Doe@Example.com');
    expect(key).toBe(customerKey('secret-one-0123456789', ' jane.doe@example.com '));
    expect(key).not.toBe(customerKey('secret-two-0123456789', 'jane.doe@example.com'));
    expect(key).not.toBe(customerKey('secret-one-0123456789', 'john@example.com'));
    expect(key).toMatch(/^cust_[0-9a-f]{24}$/);
    expect(customerDomain('Jane.Doe@Example.COM')).toBe('example.com');
    expect(customerDomain('not an address')).toBeUndefined();
  });
});
