import * as wf from '@temporalio/workflow';
import type { Flow } from './flow';

/**
 * Whether the run may continue as new now, carrying its queue; false when work arrived
 * meanwhile (the caller goes back to it). The caller must call continueAsNew with no await in
 * between, so the state it carries is the state checked here.
 *
 * With the continue-as-new patch the decision is taken in a workflow task of its own, after a
 * 1 ms timer, never in the task of the local activity before it. A customer message signalled
 * while the run continues as new makes the server refuse the completion (UnhandledCommand);
 * the worker then replays the whole history, where a local activity resolves from its marker
 * in the earlier task, so code that followed it ran ahead of the signal and continued as new
 * without it: the message was in neither run. A timer's firing is an event of its own, so on
 * any replay it comes in the same activation as a signal recorded with it, and the signal's
 * handler runs before the check below.
 */
export async function readyToContinueAsNew(flow: Flow): Promise<boolean> {
  const { memory } = flow;
  await wf.condition(wf.allHandlersFinished);
  if (!flow.patches.continueAsNewOwnTask) return true;
  const hasWork = () => memory.queue.length > 0 || flow.agentActionWaiting();
  for (;;) {
    await wf.sleep(1);
    if (hasWork()) return false;
    if (wf.allHandlersFinished()) return true;
    // An update arrived with the timer: let it finish, then take a task of our own again.
    await wf.condition(wf.allHandlersFinished);
  }
}
