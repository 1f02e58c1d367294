import { readPatchesForcing, type Patches } from '../../../worker/workflows/conversation/patch-reader';

export * from '../../../worker/workflows/conversation/patch-ids';

/** The workflow as it would be had continue-as-new moved into a task of its own without a patch: always on. */
export function readPatches(): Patches {
  return readPatchesForcing('continueAsNewOwnTask');
}
