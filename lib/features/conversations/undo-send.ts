import 'server-only';
import { undoSendUpdate, type Actor } from '../../core/contract';
import type { DecisionErrorCode } from '../../core/decisions/decision-outcome';
import type { UndoSendRequest } from '../../core/decisions/undo-schemas';
import { getTemporalClient } from '../../platform/temporal/client';
import type { DecisionClient } from './decide-draft';
import { mapUpdateError } from './map-update-error';

export type UndoOutcome = { ok: true; draftVersion: number } | { ok: false; code: DecisionErrorCode; message: string };

/**
 * Takes back an agent's send in its undo window (an Update: refused once the window ended, so
 * a late click never half-applies). The draft returns to review with the agent's text.
 */
export async function undoSend(input: UndoSendRequest & { actor: Actor }, deps: { client?: DecisionClient } = {}): Promise<UndoOutcome> {
  try {
    const client: DecisionClient = deps.client ?? (await getTemporalClient());
    const result = await client.workflow
      .getHandle(input.conversationId)
      .executeUpdate(undoSendUpdate, { updateId: input.requestId, args: [{ draftVersion: input.draftVersion, actor: input.actor }] });
    return { ok: true, draftVersion: result.draftVersion };
  } catch (error) {
    const mapped = mapUpdateError(error);
    if (mapped.code === 'unavailable') console.error('undoSend: update failed', error);
    return mapped;
  }
}
