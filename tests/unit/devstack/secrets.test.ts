import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateSecrets, readStoredSecrets, secretsPath } from '@/devstack/secrets';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'countersign-secrets-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('loadOrCreateSecrets', () => {
  it('generates strong secrets on first start and keeps them, private, for the next', () => {
    const first = loadOrCreateSecrets(dataDir, {});
    expect(first.INBOUND_SECRET).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.AUTH_SECRET).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.AUTH_SECRET).not.toBe(first.INBOUND_SECRET);
    expect(statSync(secretsPath(dataDir)).mode & 0o077).toBe(0);
    expect(loadOrCreateSecrets(dataDir, {})).toEqual(first);
    expect(readStoredSecrets(dataDir)).toEqual(first);
  });

  it('lets the environment win without writing it to disk', () => {
    const secrets = loadOrCreateSecrets(dataDir, { INBOUND_SECRET: 'from-the-environment-123' });
    expect(secrets.INBOUND_SECRET).toBe('from-the-environment-123');
    expect(readFileSync(secretsPath(dataDir), 'utf8')).not.toContain('from-the-environment-123');
  });

  it('reads nothing from a data dir that has no secrets yet', () => {
    expect(readStoredSecrets(dataDir)).toEqual({});
  });
});
