import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { restrictToOwner } from '../../../../lib/platform/db/owner-only';

const dir = mkdtempSync(path.join(os.tmpdir(), 'countersign-perms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('restrictToOwner', () => {
  it('makes a world-readable database and its WAL files owner-only', () => {
    const file = path.join(dir, 'countersign.db');
    for (const name of [file, `${file}-wal`, `${file}-shm`]) writeFileSync(name, 'x', { mode: 0o644 });
    restrictToOwner(file);
    for (const name of [file, `${file}-wal`, `${file}-shm`]) expect(statSync(name).mode & 0o777, name).toBe(0o600);
  });

  it('is quiet when there is no file yet', () => {
    expect(() => restrictToOwner(path.join(dir, 'missing.db'))).not.toThrow();
  });
});
