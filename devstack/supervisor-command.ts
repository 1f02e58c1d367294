import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compiledPath } from './compiled-entries';
import { PROJECT_ROOT } from './project-root';

/**
 * node's arguments for the compiled supervisor, as package.json's `start` script gives them
 * (`... && node <flags> .build/start.mjs`): harnesses that start the stack themselves (the bench,
 * the e2e tests) run it exactly as `npm start` does, flags included, from that one place.
 */
export function supervisorNodeArgs(root: string = PROJECT_ROOT): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const start = manifest.scripts?.start ?? '';
  const last = start.split('&&').at(-1)?.trim().split(/\s+/) ?? [];
  const [command, ...args] = last;
  if (command !== 'node' || args.at(-1) !== compiledPath('start') || !args.slice(0, -1).every((arg) => arg.startsWith('--'))) {
    throw new Error(`package.json's start script should end in "node [--flags] ${compiledPath('start')}", not "${start}"`);
  }
  return args;
}
