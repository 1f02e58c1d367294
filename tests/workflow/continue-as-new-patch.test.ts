import { readFile } from 'node:fs/promises';
import { temporal } from '@temporalio/proto';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from '../support/temporal-test-env';
import { HISTORIES_DIR } from './harness';
import { bundleWithPatches } from './without-patch/bundle-with-patches';

const alwaysOn = new URL('./without-patch/patches-continue-as-new-always.ts', import.meta.url).pathname;
const BEFORE = 'before-continue-as-new-own-task--message-lost.history.pb';
const AFTER = 'continue-as-new-own-task--messages-stream.history.pb';

async function replay(bundle: WorkflowBundleWithSourceMap, file: string): Promise<void> {
  const history = temporal.api.history.v1.History.decode(await readFile(new URL(file, HISTORIES_DIR)));
  await Worker.runReplayHistory({ workflowBundle: bundle }, history, file);
}

/**
 * Continue-as-new in a task of its own must be patched. BEFORE is a run captured from the older
 * code in which msg-6 was lost: its signal arrived as the run continued as new, the server
 * refused the completion, and the retried task continued as new carrying no message.
 */
describe('continue-as-new in a task of its own needs its patch', () => {
  it('replays the run that lost a message only because the branch is patched', async () => {
    const history = temporal.api.history.v1.History.decode(await readFile(new URL(BEFORE, HISTORIES_DIR)));
    const events = history.events ?? [];
    const signalled = events.findLastIndex((event) => event.workflowExecutionSignaledEventAttributes);
    const carried = events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.input?.payloads?.[0]?.data;
    // The evidence: a message signalled in this run (after the refused completion), carried by nobody.
    expect(events.slice(0, signalled).some((event) => event.workflowTaskFailedEventAttributes)).toBe(true);
    expect(JSON.parse(Buffer.from(carried ?? []).toString())).toMatchObject({ pendingMessageIds: [], seenMessageIds: expect.not.arrayContaining(['msg-6']) });

    const patched = await workflowBundle();
    await replay(patched, BEFORE);
    await replay(patched, AFTER);
    const unpatched = await bundleWithPatches(alwaysOn);
    // The stand-in is the same workflow: a history that took the new branch replays on it.
    await replay(unpatched, AFTER);
    await expect(replay(unpatched, BEFORE)).rejects.toThrow(/[Nn]ondetermin/);
  });

  it('never continues as new past a message signalled in the task the server refused', async () => {
    // AFTER as it would read had a message arrived while its final task ran: the server
    // refuses the continue-as-new (UnhandledCommand), records the signal, and the retried task
    // continues as new all the same. This code must not produce that history.
    const { History, HistoryEvent } = temporal.api.history.v1;
    const { EventType, WorkflowTaskFailedCause } = temporal.api.enums.v1;
    const events = History.decode(await readFile(new URL(AFTER, HISTORIES_DIR))).events;
    const completed = events.findLastIndex((event) => event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
    const [scheduled, started, , continued] = events.slice(completed - 2);
    expect(continued?.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
    const retried = (late: boolean) => {
      let id = started!.eventId!;
      const next = (fields: Partial<temporal.api.history.v1.IHistoryEvent>) => {
        id = id.add(1);
        return HistoryEvent.create({ ...fields, eventId: id, eventTime: started!.eventTime });
      };
      const tail = [
        next({
          eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED,
          workflowTaskFailedEventAttributes: { scheduledEventId: scheduled!.eventId, startedEventId: started!.eventId, cause: WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND },
        }),
      ];
      if (late) {
        tail.push(
          next({
            eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED,
            workflowExecutionSignaledEventAttributes: {
              signalName: 'inboundMessage',
              input: { payloads: [{ metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from(JSON.stringify({ messageId: 'msg-late' })) }] },
            },
          }),
        );
      }
      const rescheduled = next({ eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, workflowTaskScheduledEventAttributes: scheduled!.workflowTaskScheduledEventAttributes });
      const restarted = next({ eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED, workflowTaskStartedEventAttributes: { ...started!.workflowTaskStartedEventAttributes, scheduledEventId: rescheduled.eventId } });
      const done = next({ eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, workflowTaskCompletedEventAttributes: { scheduledEventId: rescheduled.eventId, startedEventId: restarted.eventId } });
      const again = next({
        eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW,
        workflowExecutionContinuedAsNewEventAttributes: { ...continued!.workflowExecutionContinuedAsNewEventAttributes, workflowTaskCompletedEventId: done.eventId },
      });
      return History.create({ events: [...events.slice(0, completed), ...tail, rescheduled, restarted, done, again] });
    };
    const bundle = await workflowBundle();
    // The control: refused and retried with nothing new, the run continues as new as it did.
    await Worker.runReplayHistory({ workflowBundle: bundle }, retried(false), 'retried');
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, retried(true), 'raced')).rejects.toThrow(/No command scheduled for event.*ContinuedAsNew/);
  });
});
