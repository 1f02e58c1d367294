import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Server actions are public POST endpoints. Every exported action in a 'use server' file
 * must authenticate before it does anything else, so a new action cannot ship without it.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');

function serverActionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'generated' ? [] : serverActionFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && /^\s*['"]use server['"]/.test(readFileSync(full, 'utf8')) ? [full] : [];
  });
}

// Public on purpose, with the reason.
const PUBLIC_ACTIONS = new Map([['signOutAction', "it only ends the caller's own session"]]);

const files = [...serverActionFiles(path.join(ROOT, 'app')), ...serverActionFiles(path.join(ROOT, 'lib'))];
const actions = files.flatMap((file) => {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/export async function (\w+)\([^)]*\)[^{]*\{([\s\S]*?)\n\}/g)].map((match) => ({
    file: path.relative(ROOT, file),
    name: match[1] ?? '',
    body: match[2] ?? '',
  }));
});

describe('server action sweep', () => {
  it('finds the actions', () => {
    expect(actions.length).toBeGreaterThanOrEqual(5);
  });

  it.each(actions.filter((action) => !PUBLIC_ACTIONS.has(action.name)).map((action) => [`${action.file}#${action.name}`, action.body]))('%s authenticates first', (_, body) => {
    const auth = body.search(/require(Action)?User\(/);
    expect(auth, 'calls requireActionUser/requireUser').toBeGreaterThanOrEqual(0);
    const firstAwait = body.search(/await /);
    expect(auth).toBeLessThanOrEqual(firstAwait + 'await '.length);
  });
});
