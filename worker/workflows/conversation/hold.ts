import * as wf from '@temporalio/workflow';
import type { Flow, Outcome } from './flow';

/**
 * The cancellable hold before an automatic send. 'expired' when it ran out untouched; otherwise
 * what interrupted it: an agent's own reply, a newer customer message or a cancel.
 */
export async function hold(flow: Flow, draftVersion: number, seconds: number, timerAtZero: boolean): Promise<Outcome | 'expired'> {
  const { memory } = flow;
  const holdUntil = new Date(Date.now() + seconds * 1000).toISOString();
  memory.phase = 'hold';
  memory.holdKind = 'auto_send';
  memory.holdUntil = holdUntil;
  await flow.setStatus('auto_send_hold', { holdUntil, draftVersion, reason: 'Sends automatically unless an agent cancels' });
  const interruption = () => memory.decision?.kind === 'cancel' || memory.queue.length > 0 || flow.agentActionWaiting();
  const interrupted = !timerAtZero && seconds === 0 ? interruption() : await wf.condition(interruption, seconds * 1000);
  memory.phase = 'idle';
  if (flow.agentActionWaiting()) return 'taken_over';
  if (memory.queue.length > 0) return 'superseded';
  if (interrupted) {
    memory.decision = undefined;
    memory.statusReason = 'An agent cancelled the auto-send';
    return 'review';
  }
  return 'expired';
}
