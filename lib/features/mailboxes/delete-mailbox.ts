import { getDb, type Db } from '../../platform/db';
import { recordAudit } from '../audit/record-audit';

/**
 * Removes a mailbox. Its conversations stay (their replies then leave from MAIL_FROM through
 * SMTP_URL); its reader stops at the next check. Returns false when there was none.
 */
export async function deleteMailbox(input: { id: string; actorId: string }, db: Db = getDb()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const existing = await tx.mailbox.findUnique({ where: { id: input.id }, select: { id: true, address: true } });
    if (!existing) return false;
    await tx.mailbox.delete({ where: { id: input.id } });
    await recordAudit({ actorId: input.actorId, action: 'mailbox.delete', target: `mailbox:${input.id}`, before: { address: existing.address } }, tx);
    return true;
  });
}
