import { readPatchesForcing, type Patches } from './patch-reader';

export * from './patch-ids';
export type { ForcedPatch, Patches } from './patch-reader';

/**
 * The patch branches of this run, read once per run and passed down (flow.ts). Replay tests
 * swap this module for one that forces a branch on (tests/workflow/without-patch), which is
 * why the reader itself lives in patch-reader.ts.
 */
export function readPatches(): Patches {
  return readPatchesForcing();
}
