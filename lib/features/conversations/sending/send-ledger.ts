import { getDb, type Db, type DbClient } from '../../../platform/db';
import { appendEvent } from '../../timeline/append-event';

/**
 * The outbound ledger: one row per conversation + draft version, claimed as `sending`
 * before SMTP and completed after. It is what makes a reply go out exactly once: a retry
 * finds `sent` and stops, and a claim left by a dead worker is never re-sent blindly. What a
 * send reads is load-send-context.ts; what it writes once the relay accepted, record-sent.ts.
 */
export function ledgerKeyFor(conversationId: string, draftVersion: number): string {
  return `${conversationId}:v${draftVersion}`;
}

export interface ClaimSendInput {
  ledgerKey: string;
  conversationId: string;
  draftVersion: number;
  toAddress: string;
  subject: string;
  body: string;
  messageIdHeader: string;
}

/** Marks the reply as being handed to SMTP; counts the attempt. */
export async function claimSend(input: ClaimSendInput, db: DbClient = getDb()): Promise<void> {
  const { ledgerKey, ...row } = input;
  await db.outboundSend.upsert({
    where: { ledgerKey },
    create: { ledgerKey, ...row, status: 'sending', attempts: 1 },
    update: { status: 'sending', attempts: { increment: 1 } },
  });
}

/** Nothing was delivered and a retry may try again. */
export async function releaseSend(input: { ledgerKey: string; error: string }, db: DbClient = getDb()): Promise<void> {
  await db.outboundSend.update({ where: { ledgerKey: input.ledgerKey }, data: { status: 'pending', error: input.error } });
}

/**
 * The reply may not or could not go out for good (no verified recipient, or the mail server
 * refused it): the ledger (when claimed), the draft and the timeline say so.
 */
export async function recordSendRefused(
  input: { ledgerKey?: string; conversationId: string; draftId: string; draftVersion: number; error: string },
  db: Db = getDb(),
): Promise<void> {
  if (input.ledgerKey) await db.outboundSend.update({ where: { ledgerKey: input.ledgerKey }, data: { status: 'failed', error: input.error } });
  await db.draft.update({ where: { id: input.draftId }, data: { status: 'failed' } });
  await appendEvent(
    {
      conversationId: input.conversationId,
      key: `send_failed:v${input.draftVersion}`,
      type: 'send_failed',
      data: { draftVersion: input.draftVersion, error: input.error, permanent: true },
    },
    db,
  );
}
