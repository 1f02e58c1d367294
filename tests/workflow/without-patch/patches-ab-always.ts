import * as wf from '@temporalio/workflow';
import type { Patches } from '../../../worker/workflows/conversation/patches';

// The same ids as worker/workflows/conversation/patches.ts (this module replaces it in one
// bundle, so it cannot import it). A drift fails the test: the A/B history stops replaying.
export const NEEDS_PERSON_PATCH = 'claude-edges-needs-person';
export const EARNED_AUTONOMY_PATCH = 'earned-autonomy';
export const LOCAL_MIRROR_PATCH = 'local-mirror-writes';
export const SEND_DECISION_PATCH = 'one-send-decision';
export const LIFECYCLE_PATCH = 'lifecycle';
export const UNDO_PATCH = 'undo-agent-sends';
export const AB_DRAFTS_PATCH = 'ab-drafts';

/** The workflow as it would be had A/B drafts been added without their patch: always read. */
export function readPatches(): Patches {
  const needsPerson = wf.patched(NEEDS_PERSON_PATCH);
  const localMirror = wf.patched(LOCAL_MIRROR_PATCH);
  const lifecycle = wf.patched(LIFECYCLE_PATCH);
  const undo = wf.patched(UNDO_PATCH);
  return {
    needsPerson,
    localMirror,
    lifecycle,
    undo,
    sendDecision: () => wf.patched(SEND_DECISION_PATCH),
    earnedAutonomy: () => wf.patched(EARNED_AUTONOMY_PATCH),
    abDrafts: () => {
      // The marker of a run that has one is consumed; the branch is taken whatever the history says.
      wf.patched(AB_DRAFTS_PATCH);
      return true;
    },
  };
}
