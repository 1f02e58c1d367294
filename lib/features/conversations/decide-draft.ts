import 'server-only';
import type { UpdateDefinition } from '@temporalio/client';
import { getTemporalClient } from '../../platform/temporal/client';
import {
  approveDraftUpdate,
  cancelAutoSendUpdate,
  rejectDraftUpdate,
  reviseDraftUpdate,
  type Actor,
  type DecisionResult,
} from '../../core/contract';
import type { DecisionOutcome } from '../../core/decisions/decision-outcome';
import { mapUpdateError } from './map-update-error';
import type { DecisionInput } from '../../core/decisions/decision-schemas';
import { assignUploads } from '../attachments/assign-uploads';
import { AppError } from '../../core/errors';
import { storeAgentText } from './agent-text/store-agent-text';

export type DecideDraftInput = DecisionInput & { actor: Actor };

/** The slice of the Temporal client decideDraft uses; tests pass a fake. */
export interface DecisionClient {
  workflow: {
    getHandle(workflowId: string): {
      executeUpdate<Ret, Args extends [unknown]>(
        definition: UpdateDefinition<Ret, Args>,
        options: { args: Args; updateId: string },
      ): Promise<Ret>;
    };
  };
}

/**
 * Sends an agent's decision to the conversation's workflow as a Temporal Update and waits
 * for its result. The browser's request id becomes the update id, so a double click or a
 * retried request is one decision; the workflow's validator refuses stale or taken drafts.
 */
export async function decideDraft(
  input: DecideDraftInput,
  deps: { client?: DecisionClient; assignUploads?: typeof assignUploads; storeText?: typeof storeAgentText } = {},
): Promise<DecisionOutcome> {
  let client: DecisionClient;
  try {
    client = deps.client ?? (await getTemporalClient());
  } catch (error) {
    console.error('decideDraft: cannot connect to Temporal', error);
    return { ok: false, code: 'unavailable', message: 'Temporal is unreachable right now. Nothing was decided; try again in a moment.' };
  }
  try {
    const handle = client.workflow.getHandle(input.conversationId);
    const options = { updateId: input.requestId };
    const common = { draftVersion: input.draftVersion, actor: input.actor };
    // The text is stored first; the Update (and so the workflow history) carries its id only.
    const stored = (kind: Parameters<typeof storeAgentText>[0]['kind'], body: string) =>
      (deps.storeText ?? storeAgentText)({ conversationId: input.conversationId, kind, body });
    let result: DecisionResult;
    switch (input.action) {
      case 'approve':
        // Files go with this request id, the update id under which recordDecision attaches them to the draft.
        try {
          const ids = input.attachmentIds ?? [];
          if (ids.length > 0) await (deps.assignUploads ?? assignUploads)({ conversationId: input.conversationId, requestId: input.requestId, ids, actorId: input.actor.id });
        } catch (error) {
          if (error instanceof AppError) return { ok: false, code: 'invalid', message: error.message };
          throw error;
        }
        result = await handle.executeUpdate(approveDraftUpdate, {
          ...options,
          args: [{ ...common, ...(input.editedBody === undefined ? {} : { editedBodyId: await stored('edited_body', input.editedBody) }), ...(input.variant ? { variant: input.variant } : {}) }],
        });
        break;
      case 'reject':
        result = await handle.executeUpdate(rejectDraftUpdate, { ...options, args: [{ ...common, reasonId: await stored('reason', input.reason) }] });
        break;
      case 'revise':
        result = await handle.executeUpdate(reviseDraftUpdate, { ...options, args: [{ ...common, instructionsId: await stored('instructions', input.instructions) }] });
        break;
      case 'cancel_hold':
        result = await handle.executeUpdate(cancelAutoSendUpdate, { ...options, args: [common] });
        break;
    }
    return { ok: true, outcome: result.outcome, draftVersion: result.draftVersion };
  } catch (error) {
    const mapped = mapUpdateError(error);
    if (mapped.code === 'unavailable') console.error('decideDraft: update failed', error);
    return mapped;
  }
}
