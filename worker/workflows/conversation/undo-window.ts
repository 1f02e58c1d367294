import * as wf from '@temporalio/workflow';
import { DEFAULT_UNDO_SECONDS } from '../../../lib/core/policy/automation-policy';
import type { Flow } from './flow';

/**
 * An agent's send waits its undo window in the same cancellable hold as an automatic reply
 * (phase 'hold', mirrored with its end time). 'undone' when the agent took it back: the
 * undo handler already returned the draft to review with their text; nothing reached SMTP.
 * An undo accepted in the same instant the window ends still wins: it was accepted first.
 */
export async function undoWindow(flow: Flow, draftVersion: number): Promise<'send' | 'undone'> {
  const { memory } = flow;
  const seconds = flow.policy.undoSeconds ?? DEFAULT_UNDO_SECONDS;
  if (!flow.patches.undo || seconds === 0) return 'send';
  const holdUntil = new Date(Date.now() + seconds * 1000).toISOString();
  memory.phase = 'hold';
  memory.holdKind = 'undo';
  memory.holdUntil = holdUntil;
  memory.openDraftVersion = draftVersion;
  await flow.setStatus('undo_window', { holdUntil, draftVersion, reason: 'Sending soon; the agent can still undo it' });
  await wf.condition(() => memory.undo !== undefined, seconds * 1000);
  memory.phase = 'idle';
  memory.holdKind = 'auto_send';
  memory.openDraftVersion = undefined;
  if (memory.undo === undefined) return 'send';
  // Acted on only once stored; a failed store drops the undo, and the reply goes out as asked.
  await wf.condition(() => memory.undo === undefined || memory.undo.recorded);
  const undone = memory.undo !== undefined;
  memory.undo = undefined;
  if (undone) memory.decidedVersions.delete(draftVersion);
  return undone ? 'undone' : 'send';
}
