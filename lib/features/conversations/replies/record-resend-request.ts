import type { Actor } from '../../../core/contract';
import { getDb, type Db } from '../../../platform/db';
import { appendEvent } from '../../timeline/append-event';

export interface RecordResendRequestInput {
  conversationId: string;
  draftVersion: number;
  actor: Actor;
  /** What the agent was shown and confirmed: `sending` (uncertain) or `failed`. */
  confirmedLedgerStatus: 'sending' | 'failed';
  idempotencyKey: string;
}

/** Audits an agent's confirmed resend and puts it on the timeline; a retried call writes nothing twice. */
export async function recordResendRequest(input: RecordResendRequestInput, db: Db = getDb()): Promise<void> {
  await db.$transaction(async (tx) => {
    if (await tx.decision.findUnique({ where: { idempotencyKey: input.idempotencyKey } })) return;
    await tx.decision.create({
      data: {
        conversationId: input.conversationId,
        draftVersion: input.draftVersion,
        kind: 'resend',
        actorType: 'agent',
        actorId: input.actor.id,
        note: `confirmed outbox state: ${input.confirmedLedgerStatus}`,
        idempotencyKey: input.idempotencyKey,
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: input.actor.id,
        action: 'reply.resend',
        target: `${input.conversationId}#v${input.draftVersion}`,
        before: { ledgerStatus: input.confirmedLedgerStatus },
        after: { resend: true },
      },
    });
    await appendEvent(
      {
        conversationId: input.conversationId,
        key: `resend:v${input.draftVersion}:${input.idempotencyKey}`,
        type: 'resend_requested',
        data: { draftVersion: input.draftVersion, confirmedLedgerStatus: input.confirmedLedgerStatus },
        actorId: input.actor.id,
      },
      tx,
    );
  });
}
