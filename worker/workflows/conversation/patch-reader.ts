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
} from './patch-ids';

/**
 * Every patch branch of the conversation workflow, read in one place and passed down.
 * `needsPerson`, `localMirror`, `lifecycle`, `undo` and `searchAttributes` are read when the run
 * starts. The routing patches (`idsNotText` too) are read the first time a draft is routed and `abDrafts` where
 * a draft is written, because that is where recorded histories carry their markers: reading them
 * earlier would replay an old run down the wrong branch.
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
}

/** The patches whose branch a replay test may force on, to show the patch is needed. */
export type ForcedPatch = 'undo' | 'abDrafts' | 'searchAttributes' | 'idsNotText';

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
  return {
    needsPerson,
    localMirror,
    lifecycle,
    undo,
    sendDecision: () => wf.patched(SEND_DECISION_PATCH),
    earnedAutonomy: () => wf.patched(EARNED_AUTONOMY_PATCH),
    abDrafts: () => on('abDrafts', AB_DRAFTS_PATCH),
    searchAttributes,
    idsNotText: () => on('idsNotText', IDS_NOT_TEXT_PATCH),
  };
}
