import * as wf from '@temporalio/workflow';
import {
  AB_DRAFTS_PATCH,
  EARNED_AUTONOMY_PATCH,
  IDS_NOT_TEXT_PATCH,
  LIFECYCLE_PATCH,
  LOCAL_MIRROR_PATCH,
  NEEDS_PERSON_PATCH,
  SEARCH_ATTRIBUTES_PATCH,
  SEND_DECISION_PATCH,
  UNDO_PATCH,
  CONTINUE_AS_NEW_PATCH,
  FOLDED_WRITES_PATCH,
  FOLDED_SENDING_PATCH,
} from './patch-ids';

/**
 * Every patch branch of the conversation workflow, read in one place and passed down.
 * `needsPerson`, `localMirror`, `lifecycle`, `undo`, `searchAttributes`, `abDrafts`,
 * `idsNotText`, `continueAsNewOwnTask`, `foldedWrites` and `foldedSending` are read when the run starts. The two older routing
 * patches are read the first
 * time a draft is routed, because that is where recorded histories carry their markers: reading them earlier
 * would replay an old run down the wrong branch. A patch read later must never follow a local
 * activity in the same stretch of code (see `abDrafts`).
 */
export interface Patches {
  readonly needsPerson: boolean;
  readonly localMirror: boolean;
  readonly lifecycle: boolean;
  readonly undo: boolean;
  sendDecision(): boolean;
  earnedAutonomy(): boolean;
  abDrafts(): boolean;
  readonly searchAttributes: boolean;
  idsNotText(): boolean;
  readonly continueAsNewOwnTask: boolean;
  readonly foldedWrites: boolean;
  readonly foldedSending: boolean;
}

/** The patches whose branch a replay test may force on, to show the patch is needed. */
export type ForcedPatch = 'undo' | 'abDrafts' | 'searchAttributes' | 'idsNotText' | 'continueAsNewOwnTask' | 'foldedWrites';

/**
 * The one reader, in the one order the markers are read. Only the replay tests pass `forced`
 * (through a stand-in for this module, tests/workflow/without-patch): the marker is still
 * read, but its branch is taken whatever the history says, as if the change had shipped
 * without its patch.
 */
export function readPatchesForcing(forced?: ForcedPatch): Patches {
  const on = (patch: ForcedPatch, id: string) => wf.patched(id) || forced === patch;
  const needsPerson = wf.patched(NEEDS_PERSON_PATCH);
  const localMirror = wf.patched(LOCAL_MIRROR_PATCH);
  const lifecycle = wf.patched(LIFECYCLE_PATCH);
  const undo = on('undo', UNDO_PATCH);
  const searchAttributes = on('searchAttributes', SEARCH_ATTRIBUTES_PATCH);
  // At the start, not where a draft is written: that point follows a local activity, and a
  // local activity that outlasts its workflow task splits the task, so a full replay of such a
  // history meets the marker a task earlier than the code asks (nondeterminism).
  const abDrafts = on('abDrafts', AB_DRAFTS_PATCH);
  // Also at the start: an A/B draft is routed right after the local activity that offers it.
  const idsNotText = on('idsNotText', IDS_NOT_TEXT_PATCH);
  // At the start too: the decision to continue as new follows local activities.
  const continueAsNewOwnTask = on('continueAsNewOwnTask', CONTINUE_AS_NEW_PATCH);
  // At the start: its writes follow local activities.
  const foldedWrites = on('foldedWrites', FOLDED_WRITES_PATCH);
  const foldedSending = wf.patched(FOLDED_SENDING_PATCH);
  return {
    needsPerson,
    localMirror,
    lifecycle,
    undo,
    sendDecision: () => wf.patched(SEND_DECISION_PATCH),
    earnedAutonomy: () => wf.patched(EARNED_AUTONOMY_PATCH),
    abDrafts: () => abDrafts,
    searchAttributes,
    idsNotText: () => idsNotText,
    continueAsNewOwnTask,
    foldedWrites,
    foldedSending,
  };
}
