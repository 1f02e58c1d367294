import type { Client } from '@temporalio/client';
import { env, type Env } from '../../platform/config/env';
import type { Db } from '../../platform/db/client';
import { appMetrics } from '../../platform/metrics/app-metrics';
import type { BlobStore } from '../../platform/storage/blob-store';
import { deliverToWorkflow } from './deliver-to-workflow';
import type { HandOff } from './hand-off';
import { inboundDedupeKey } from './dedupe-key';
import { lookBeforeStore } from './look-before-store';
import type { InboundEmail } from './inbound-email';
import type { SenderAuthChecker } from './sender-auth/check-sender-auth';
import { senderAuthFromEnv } from './sender-auth/sender-auth-from-env';
import { storeInbound } from './store-inbound';
import { notify } from '../notifications/notify';

export interface AcceptInboundDeps {
  db: Db;
  getClient: () => Promise<Client>;
  config: Pick<Env, 'TEMPORAL_TASK_QUEUE'>;
  /** Where attachment bytes go; default: this process's store (DATA_DIR or S3). */
  blobs?: BlobStore;
  /** SPF/DKIM/DMARC; default: from this process's environment (DNS or a zone file). */
  senderAuth?: SenderAuthChecker;
  /** Who counts as verified without a DMARC pass; default VERIFIED_SENDER_ALLOW. */
  senderAllow?: readonly string[];
  /**
   * Signal Temporal after answering (hand-off.ts): web intake, where a relay waits on the
   * answer. Without it the signal is sent before returning (SMTP, IMAP, tests).
   */
  handOff?: HandOff;
}

export interface AcceptInboundResult {
  conversationId: string;
  messageId: string;
  duplicate: boolean;
  /**
   * Stored, not yet handed to Temporal: it will be after the answer (hand-off.ts), or by the
   * reconciler (Temporal unreachable, or this process gone first).
   */
  queued: boolean;
}

/**
 * Every channel's one way in: check the sender's authentication (raw mail only), route to the
 * mailbox it was sent to, store, then deliver (or hand off, to deliver after answering). An email
 * is never acknowledged before it is stored, nor lost after.
 */
export async function acceptInbound(deps: AcceptInboundDeps, received: InboundEmail): Promise<AcceptInboundResult> {
  const checked = await withSenderAuth(deps, received);
  // One read for the mailbox, the duplicate check and round-robin; then the store writes.
  const facts = await lookBeforeStore(deps.db, {
    recipients: checked.mailboxId ? [] : [...(checked.envelope?.rcptTo ?? []), ...checked.to],
    dedupeKey: inboundDedupeKey(checked),
  });
  const email = !checked.mailboxId && facts.mailboxId ? { ...checked, mailboxId: facts.mailboxId } : checked;
  const stored = await storeInbound(email, deps.db, deps.blobs, { senderAllow: deps.senderAllow, facts });
  if (!stored.duplicate) appMetrics().emailsReceived.inc({ channel: email.channel ?? 'unknown' });
  if (stored.assignedTo) await tellAssignee(deps.db, stored.conversationId, stored.assignedTo);
  if (!stored.needsDelivery) return { ...stored, queued: false };
  if (deps.handOff) {
    deps.handOff.take({ conversationId: stored.conversationId, messageId: stored.messageId });
    return { ...stored, queued: true };
  }
  try {
    const client = await deps.getClient();
    await deliverToWorkflow({ db: deps.db, client, config: deps.config, ...stored });
    return { ...stored, queued: false };
  } catch (error) {
    console.warn(`Intake: stored ${stored.messageId} but Temporal is unavailable (${(error as Error).message}); queued for retry`);
    return { ...stored, queued: true };
  }
}

/** Round-robin's assignee hears of it; the mail is stored already, so a failure here only logs. */
async function tellAssignee(db: Db, conversationId: string, assigneeId: string): Promise<void> {
  try {
    await notify({ kind: 'assignment', conversationId, assigneeId, actorId: null, key: 'round_robin' }, { db });
  } catch (error) {
    console.error(`Intake: telling ${assigneeId} about ${conversationId} failed`, error);
  }
}

async function withSenderAuth(deps: AcceptInboundDeps, email: InboundEmail): Promise<InboundEmail> {
  if (email.authResults) return email;
  if (!email.rawMime || email.parseProblems.includes('malformed')) {
    return { ...email, authResults: { checked: false, reason: email.rawMime ? 'the message could not be parsed' : 'it came through the API without the original message, so there was nothing to check' } };
  }
  const checker = deps.senderAuth ?? senderAuthFromEnv(env());
  const authResults = await checker.check(email.rawMime, {
    ip: email.envelope?.remoteAddress,
    helo: email.envelope?.helo,
    sender: email.envelope?.mailFrom,
  });
  return { ...email, authResults };
}
