import * as wf from '@temporalio/workflow';
import type { Patches } from '../../../worker/workflows/conversation/patches';

// The same ids as worker/workflows/conversation/patches.ts (this module replaces it in one
// bundle, so it cannot import it). A drift fails the test: the new histories stop replaying.
export const NEEDS_PERSON_PATCH = 'claude-edges-needs-person';
export const EARNED_AUTONOMY_PATCH = 'earned-autonomy';
export const LOCAL_MIRROR_PATCH = 'local-mirror-writes';
export const SEND_DECISION_PATCH = 'one-send-decision';
export const LIFECYCLE_PATCH = 'lifecycle';
export const UNDO_PATCH = 'undo-agent-sends';
export const IDS_NOT_TEXT_PATCH = 'ids-not-text';

/** The workflow as it would be had the send decision moved into an activity without its patch: always on. */
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
    idsNotText: () => {
      wf.patched(IDS_NOT_TEXT_PATCH);
      return true;
    },
  };
}
