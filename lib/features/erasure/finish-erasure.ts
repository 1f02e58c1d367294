import type { ErasureCounts } from '../../core/privacy/erasure-contract';
import type { Db } from '../../platform/db/client';
import { getDb } from '../../platform/db';
import { recordAudit } from '../audit/record-audit';

/**
 * The last step: the audit entry (the address's hash and the counts, never the address) and
 * the request closed, its address forgotten, in one transaction. Idempotent.
 */
export async function finishErasure(erasureId: string, counts: ErasureCounts, db: Db = getDb()): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.erasureRequest.findUniqueOrThrow({ where: { id: erasureId } });
    if (row.status === 'done') return;
    await recordAudit(
      {
        actorId: row.requestedBy,
        action: row.kind === 'retention' ? 'retention.erasure.done' : 'customer.erasure.done',
        target: `erasure:${erasureId}`,
        after: { subjectHash: row.subjectHash, counts: { ...counts } },
      },
      tx,
    );
    await tx.erasureRequest.update({
      where: { id: erasureId },
      data: { address: null, status: 'done', completedAt: new Date(), counts: { ...counts } },
    });
  });
}
