import { condition, defineSignal, proxyActivities, proxyLocalActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { SEARCH_ATTRIBUTES } from '../../lib/core/conversation/search-attributes';
import type * as activities from './activities';

/** As intake delivers a message: signal-with-start, then the run waits for the signal. */
export const messageSignal = defineSignal<[string]>('message');

// One of the attributes `npm start` registers on the dev server.
const { status } = SEARCH_ATTRIBUTES;

const remote = proxyActivities<typeof activities>({ startToCloseTimeout: '30 seconds' });
const local = proxyLocalActivities<typeof activities>({ startToCloseTimeout: '30 seconds' });

/**
 * The shape of one email's work with nothing in it: a signal, then `steps` activities one after
 * another (the conversation workflow's classify, draft, checks, gate and send), each followed by
 * a search attribute upsert when `upserts` is set, then done.
 */
export async function floorWorkflow(steps: number, kind: 'remote' | 'local', upserts = false): Promise<number> {
  let received = '';
  setHandler(messageSignal, (id) => {
    received = id;
  });
  await condition(() => received !== '');
  const step = kind === 'remote' ? remote.step : local.step;
  let total = 0;
  for (let index = 0; index < steps; index += 1) {
    total += await step(index);
    // As the conversation workflow mirrors each status into its search attributes.
    if (upserts) upsertSearchAttributes([{ key: status, value: `step-${index}` }]);
  }
  return total;
}
