import { readPatchesForcing, type Patches } from '../../../worker/workflows/conversation/patch-reader';

export * from '../../../worker/workflows/conversation/patch-ids';

/** The workflow as it would be had the folded writes shipped without a patch: always on. */
export function readPatches(): Patches {
  return readPatchesForcing('foldedWrites');
}
