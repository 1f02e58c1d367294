import 'server-only';
import type { UpdateDefinition } from '@temporalio/client';
import {
  closeConversationUpdate,
  reopenConversationUpdate,
  snoozeConversationUpdate,
  waitOnCustomerUpdate,
  type Actor,
  type LifecycleResult,
} from '../../../core/contract';
import type { LifecycleChange } from '../../../core/conversation/lifecycle-schemas';
import type { ConversationStatus } from '../../../core/conversation/statuses';
import type { DecisionErrorCode } from '../../../core/decisions/decision-outcome';
import { getTemporalClient } from '../../../platform/temporal/client';
import { mapUpdateError } from '../map-update-error';

export type LifecycleOutcome = { ok: true; status: ConversationStatus } | { ok: false; code: DecisionErrorCode; message: string };

/** The slice of the Temporal client used here; tests pass a fake. */
export interface LifecycleClient {
  workflow: {
    getHandle(workflowId: string): {
      executeUpdate<Ret, Args extends [unknown]>(definition: UpdateDefinition<Ret, Args>, options: { args: Args; updateId: string }): Promise<Ret>;
    };
  };
}

/**
 * Closes, reopens, snoozes or marks a conversation waiting on the customer, through its
 * workflow (an Update with a validator: refused changes apply nothing). The request id is the
 * update id, so a double click is one change.
 */
export async function changeLifecycle(input: LifecycleChange & { actor: Actor }, deps: { client?: LifecycleClient } = {}): Promise<LifecycleOutcome> {
  let client: LifecycleClient;
  try {
    client = deps.client ?? (await getTemporalClient());
  } catch (error) {
    console.error('changeLifecycle: cannot connect to Temporal', error);
    return { ok: false, code: 'unavailable', message: 'Temporal is unreachable right now. Nothing changed; try again in a moment.' };
  }
  const handle = client.workflow.getHandle(input.conversationId);
  const options = { updateId: input.requestId };
  const common = { actor: input.actor };
  try {
    let result: LifecycleResult;
    switch (input.action) {
      case 'close':
        result = await handle.executeUpdate(closeConversationUpdate, { ...options, args: [common] });
        break;
      case 'reopen':
        result = await handle.executeUpdate(reopenConversationUpdate, { ...options, args: [common] });
        break;
      case 'snooze':
        result = await handle.executeUpdate(snoozeConversationUpdate, { ...options, args: [{ ...common, ...(input.until ? { until: input.until } : {}) }] });
        break;
      case 'wait_on_customer':
        result = await handle.executeUpdate(waitOnCustomerUpdate, { ...options, args: [common] });
        break;
    }
    return { ok: true, status: result.status };
  } catch (error) {
    const mapped = mapUpdateError(error);
    if (mapped.code === 'unavailable') console.error('changeLifecycle: update failed', error);
    return mapped;
  }
}
