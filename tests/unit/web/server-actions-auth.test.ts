import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../support/project-root';

/**
 * Server actions are public POST endpoints. Every exported action in a 'use server' file
 * must authenticate before it does anything else, so a new action cannot ship without it.
 */
const ROOT = PROJECT_ROOT;

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
const sources = files.map((file) => ({ file: path.relative(ROOT, file), source: readFileSync(file, 'utf8') }));
// Hand-written actions must authenticate themselves...
const actions = sources.flatMap(({ file, source }) =>
  [...source.matchAll(/export async function (\w+)\([^)]*\)[^{]*\{([\s\S]*?)\n\}/g)].map((match) => ({
    file,
    name: match[1] ?? '',
    body: match[2] ?? '',
  })),
);
// ...the rest are built by serverAction(), which authenticates with a role before anything else.
const helperActions = sources.flatMap(({ file, source }) =>
  [...source.matchAll(/export const (\w+) = serverAction\b/g)].map((match) => `${file}#${match[1] ?? ''}`),
);

describe('server action sweep', () => {
  it('finds the actions', () => {
    expect(actions.length + helperActions.length).toBeGreaterThanOrEqual(5);
  });

  it('has no exported action of another shape', () => {
    for (const { file, source } of sources) {
      const exported = [...source.matchAll(/^export (?:const|let|var|function|async function) (\w+)/gm)].map((match) => match[1]);
      const known = new Set([...actions.filter((a) => a.file === file).map((a) => a.name), ...helperActions.filter((a) => a.startsWith(`${file}#`)).map((a) => a.split('#')[1])]);
      expect(exported.filter((name) => !known.has(name)), file).toEqual([]);
    }
  });

  it.each(actions.filter((action) => !PUBLIC_ACTIONS.has(action.name)).map((action) => [`${action.file}#${action.name}`, action.body]))('%s authenticates first', (_, body) => {
    const auth = body.search(/require(Action)?User\(/);
    expect(auth, 'calls requireActionUser/requireUser').toBeGreaterThanOrEqual(0);
    const firstAwait = body.search(/await /);
    expect(auth).toBeLessThanOrEqual(firstAwait + 'await '.length);
  });
});
