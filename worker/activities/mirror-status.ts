import { Context } from '@temporalio/activity';
import type { ConversationStatus } from '../../lib/core/contract';
import { appendEvent } from './append-event';
import type { ActivityDeps } from './deps';

export interface MirrorStatusInput {
  conversationId: string;
  status: ConversationStatus;
  reason?: string;
  slaDueAt?: string;
  holdUntil?: string;
  draftVersion?: number;
}

/**
 * Mirrors the workflow's status for the dashboard. Idempotent: it sets fields, and the
 * few events it writes are keyed by what they describe.
 */
export function createMirrorStatus(deps: ActivityDeps) {
  return async function mirrorStatus(input: MirrorStatusInput): Promise<void> {
    await deps.db.$transaction(async (tx) => {
      await tx.conversation.update({
        where: { id: input.conversationId },
        data: {
          status: input.status,
          statusReason: input.reason ?? null,
          slaDueAt: input.slaDueAt ? new Date(input.slaDueAt) : null,
          holdUntil: input.holdUntil ? new Date(input.holdUntil) : null,
        },
      });
      if (input.status === 'auto_send_hold' && input.holdUntil && input.draftVersion !== undefined) {
        await appendEvent(tx, {
          conversationId: input.conversationId,
          key: `held:v${input.draftVersion}`,
          type: 'auto_send_held',
          data: { draftVersion: input.draftVersion, holdUntil: input.holdUntil },
        });
      }
      if (input.status === 'closed') {
        await appendEvent(tx, {
          conversationId: input.conversationId,
          // A thread can close, reopen and close again: one close per workflow run.
          key: `closed:${Context.current().info.workflowExecution?.runId ?? 'standalone'}`,
          type: 'closed',
          data: { reason: input.reason ?? 'closed' },
        });
      }
    });
  };
}
