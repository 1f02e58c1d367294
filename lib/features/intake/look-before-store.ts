import type { Db } from '../../platform/db/client';
import { runSql, sql } from './intake-sql';
import { firstMailbox, mailboxKeysFor } from '../mailboxes/find-mailbox-for';
import { ROUND_ROBIN_KEY, roundRobinEnabledIn } from '../assignment/round-robin-setting';

export interface IntakeFacts {
  /** The enabled mailbox the recipients name (findMailboxFor's rule); undefined when none. */
  mailboxId?: string;
  /** The message already stored under this dedupe key, if any. */
  existing?: { id: string; conversationId: string; delivered: boolean };
  /** Whether new conversations are handed out in turn (round-robin-setting.ts). */
  roundRobin: boolean;
}

interface Row {
  mailboxes: { id: string; address: string }[] | null;
  existing: IntakeFacts['existing'] | null;
  round_robin: unknown;
}

/**
 * Everything intake reads before it writes, in one round trip: the mailbox the mail was sent
 * to, whether the same delivery is stored already, and whether round-robin is on (read before
 * the write, not inside it: a switch flipped a moment earlier or later is the same switch).
 */
export async function lookBeforeStore(db: Db, { recipients, dedupeKey }: { recipients: readonly string[]; dedupeKey: string }): Promise<IntakeFacts> {
  const keys = mailboxKeysFor(recipients);
  const [row] = await runSql<Row>(db, sql`
    SELECT
      (SELECT json_agg(json_build_object('id', m."id", 'address', m."address")) FROM "Mailbox" m
        WHERE m."address" = ANY(${keys}::text[]) AND m."enabled") AS mailboxes,
      (SELECT json_build_object('id', x."id", 'conversationId', x."conversationId", 'delivered', x."deliveredAt" IS NOT NULL) FROM "Message" x
        WHERE x."dedupeKey" = ${dedupeKey}) AS existing,
      (SELECT s."value" FROM "Setting" s WHERE s."key" = ${ROUND_ROBIN_KEY}) AS round_robin`);
  const mailbox = firstMailbox(keys, row?.mailboxes ?? []);
  return {
    ...(mailbox ? { mailboxId: mailbox.id } : {}),
    ...(row?.existing ? { existing: row.existing } : {}),
    roundRobin: roundRobinEnabledIn(row?.round_robin),
  };
}
