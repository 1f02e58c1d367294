import 'server-only';
import type { UpdateDefinition } from '@temporalio/client';
import { getTemporalClient } from '../../platform/temporal/client';
import { composeReplyUpdate, resendReplyUpdate, type Actor, type ReplyResult } from '../../core/contract';
import type { ReplyOutcome } from '../../core/decisions/decision-outcome';
import type { ReplyInput } from '../../core/decisions/reply-schemas';
import { mapUpdateError } from './map-update-error';
import { assignUploads } from '../attachments/assign-uploads';
import { AppError } from '../../core/errors';
import { storeAgentText } from './agent-text/store-agent-text';

export type SendAgentReplyInput = ReplyInput & { actor: Actor };

/** The slice of the Temporal client this uses; tests pass a fake. */
export interface ReplyClient {
  workflow: {
    getHandle(workflowId: string): {
      executeUpdate<Ret, Args extends [unknown]>(definition: UpdateDefinition<Ret, Args>, options: { args: Args; updateId: string }): Promise<Ret>;
    };
  };
}

/**
 * An agent's own reply, or a resend they confirmed, handed to the conversation's workflow as a
 * Temporal Update: it goes out through the same exactly-once send ledger as an approved
 * draft. The browser's request id is the update id, so a double click is one reply.
 */
export async function sendAgentReply(
  input: SendAgentReplyInput,
  deps: { client?: ReplyClient; assignUploads?: typeof assignUploads; storeText?: typeof storeAgentText } = {},
): Promise<ReplyOutcome> {
  let client: ReplyClient;
  try {
    client = deps.client ?? (await getTemporalClient());
  } catch (error) {
    console.error('sendAgentReply: cannot connect to Temporal', error);
    return { ok: false, code: 'unavailable', message: 'Temporal is unreachable right now. Nothing was sent; try again in a moment.' };
  }
  try {
    const handle = client.workflow.getHandle(input.conversationId);
    const options = { updateId: input.requestId };
    let result: ReplyResult;
    switch (input.action) {
      case 'compose':
        // The files go with this request id, which the workflow uses as the update id.
        try {
          const ids = input.attachmentIds ?? [];
          if (ids.length > 0) await (deps.assignUploads ?? assignUploads)({ conversationId: input.conversationId, requestId: input.requestId, ids, actorId: input.actor.id });
        } catch (error) {
          if (error instanceof AppError) return { ok: false, code: 'invalid', message: error.message };
          throw error;
        }
        // The text is stored first; the Update (and so the workflow history) carries its id only.
        result = await handle.executeUpdate(composeReplyUpdate, {
          ...options,
          args: [{ actor: input.actor, bodyId: await (deps.storeText ?? storeAgentText)({ conversationId: input.conversationId, kind: 'reply', body: input.body }) }],
        });
        break;
      case 'resend':
        result = await handle.executeUpdate(resendReplyUpdate, {
          ...options,
          args: [{ actor: input.actor, draftVersion: input.draftVersion, confirmedLedgerStatus: input.confirmedLedgerStatus }],
        });
        break;
    }
    return { ok: true, outcome: result.outcome, draftVersion: result.draftVersion };
  } catch (error) {
    const mapped = mapUpdateError(error);
    if (mapped.code === 'unavailable') console.error('sendAgentReply: update failed', error);
    return mapped;
  }
}
