import { ApplicationFailure } from '@temporalio/activity';
import { PERMANENT_DELIVERY_FAILURE } from '../../lib/core/failures';
import { claimSend, ledgerKeyFor, recordSendRefused, releaseSend } from '../../lib/features/conversations/sending/send-ledger';
import { loadSendContext } from '../../lib/features/conversations/sending/load-send-context';
import { recordSent } from '../../lib/features/conversations/sending/record-sent';
import { replyRecipient } from '../../lib/features/conversations/sending/reply-recipient';
import { appMetrics } from '../../lib/platform/metrics/app-metrics';
import { redactPii } from '../../lib/platform/observability/masking';
import { replyMessageId, replyReferences, replySubject } from '../../lib/platform/mail/reply-headers';
import type { ActivityDeps } from './deps';
import { reportOutcome } from './report-ticket';
import type { OutgoingAttachment } from '../../lib/platform/mail/mailer';

export interface SendReplyInput {
  conversationId: string;
  draftVersion: number;
  auto: boolean;
  /**
   * An agent confirmed a resend after seeing the outbox: a claim left `sending` (uncertain) or
   * a `failed` row is handed to SMTP again, under the same Message-ID. A `sent` row still wins.
   */
  resend?: boolean;
}

export interface SendReplyResult {
  /** `uncertain`: an earlier attempt died between claiming the ledger and finishing SMTP. */
  status: 'sent' | 'already_sent' | 'uncertain';
  messageIdHeader?: string;
}

/**
 * A failure's message lands in the workflow's history (and its status reason): relays quote the
 * recipient's address back, so addresses and phone numbers are masked there. The ledger keeps
 * the relay's full answer for the agent deciding on a resend.
 */
const forHistory = (message: string) => redactPii(message);

function smtpCode(error: unknown): number | undefined {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Sends a draft exactly once through the outbound ledger (lib/features/conversations/sending):
 * claimed before SMTP, completed after; a transient SMTP error releases the claim, a
 * permanent one fails it, and a claim left by a dead worker is reported, never re-sent.
 */
export function createSendReply(deps: ActivityDeps) {
  return async function sendReply(input: SendReplyInput): Promise<SendReplyResult> {
    const { db, config } = deps;
    const ledgerKey = ledgerKeyFor(input.conversationId, input.draftVersion);
    // One read for the ledger row and everything the reply is built from.
    const { existing, reply } = await loadSendContext({ ledgerKey, conversationId: input.conversationId, draftVersion: input.draftVersion }, db);
    if (existing?.status === 'sent') {
      // A retry after the reply went out: report the outcome again (it is idempotent) in case the first report was lost.
      await reportOutcome(deps, { conversationId: input.conversationId, outcome: { kind: 'sent', draftVersion: input.draftVersion, reply: existing.body, auto: input.auto } });
      return { status: 'already_sent', messageIdHeader: existing.messageIdHeader };
    }
    if (existing?.status === 'sending' && !input.resend) return { status: 'uncertain', messageIdHeader: existing.messageIdHeader };
    if (existing?.status === 'failed' && !input.resend) throw ApplicationFailure.nonRetryable(forHistory(existing.error ?? 'Delivery failed'), PERMANENT_DELIVERY_FAILURE);

    if (!reply) throw new Error(`The conversation ${input.conversationId}, its draft v${input.draftVersion} or the message it answers does not exist`);
    const { conversation, draft, answering } = reply;
    const recipient = replyRecipient({ conversation, participants: reply.participants, answering });
    if (!recipient.ok) {
      // Not a delivery failure to retry: there is nobody this reply may safely go to.
      await recordSendRefused({ conversationId: input.conversationId, draftId: draft.id, draftVersion: input.draftVersion, error: recipient.reason }, db);
      throw ApplicationFailure.nonRetryable(forHistory(recipient.reason), PERMANENT_DELIVERY_FAILURE);
    }
    const to = recipient.mailbox;
    // The reply leaves from the mailbox the conversation came in on, through its relay.
    const { from, mailer } = deps.senders ? await deps.senders.senderFor(conversation.mailboxId) : { from: config.mailFrom, mailer: deps.mailer };
    const attachments = await loadDraftAttachments(deps, reply.attachments);
    if ('missing' in attachments) {
      await recordSendRefused({ conversationId: input.conversationId, draftId: draft.id, draftVersion: input.draftVersion, error: attachments.missing }, db);
      throw ApplicationFailure.nonRetryable(attachments.missing, PERMANENT_DELIVERY_FAILURE);
    }
    const references = replyReferences(answering.references as string[], answering.messageIdHeader);
    const messageIdHeader = replyMessageId(input.conversationId, input.draftVersion, from);
    const body = draft.finalBody ?? draft.aiBody;
    const subject = replySubject(conversation.subject);
    await claimSend(
      { ledgerKey, conversationId: input.conversationId, draftVersion: input.draftVersion, toAddress: to.address, subject, body, messageIdHeader },
      db,
    );

    let response: string;
    try {
      const result = await mailer.send({
        from,
        to,
        subject,
        text: body,
        messageId: messageIdHeader,
        inReplyTo: answering.messageIdHeader,
        references,
        attachments: attachments.files,
      });
      if (result.accepted.length === 0) throw Object.assign(new Error(`Recipient rejected: ${result.response}`), { responseCode: 550 });
      response = result.response;
    } catch (error) {
      const code = smtpCode(error);
      const message = error instanceof Error ? error.message : String(error);
      if (code === undefined || code < 500) {
        await releaseSend({ ledgerKey, error: message }, db);
        // Retried by Temporal's policy as before; only the message is cleaned.
        throw Object.assign(new Error(forHistory(message)), { responseCode: code });
      }
      await recordSendRefused({ ledgerKey, conversationId: input.conversationId, draftId: draft.id, draftVersion: input.draftVersion, error: message }, db);
      throw ApplicationFailure.nonRetryable(forHistory(`The mail server refused the reply (${code}): ${message}`), PERMANENT_DELIVERY_FAILURE);
    }

    await recordSent(
      {
        ledgerKey,
        conversationId: input.conversationId,
        draftId: draft.id,
        draftVersion: input.draftVersion,
        draftDecidedAt: draft.decidedAt,
        smtpResponse: response,
        messageIdHeader,
        inReplyTo: answering.messageIdHeader,
        references,
        fromAddress: from,
        toAddress: to.address,
        subject,
        body,
        auto: input.auto,
      },
      db,
    );
    appMetrics().repliesSent.inc({ route: input.auto ? 'auto' : 'reviewed' });
    await reportOutcome(deps, { conversationId: input.conversationId, outcome: { kind: 'sent', draftVersion: input.draftVersion, reply: body, auto: input.auto }, draft: { ...draft, finalBody: body } });
    return { status: 'sent', messageIdHeader };
  };
}

/** The files an agent attached to this draft, from the attachment store. */
async function loadDraftAttachments(
  deps: ActivityDeps,
  rows: readonly { sha256: string; filename: string; contentType: string }[],
): Promise<{ files: OutgoingAttachment[] } | { missing: string }> {
  if (rows.length === 0) return { files: [] };
  if (!deps.blobs) return { missing: 'The reply has attachments but this worker has no attachment store' };
  const files: OutgoingAttachment[] = [];
  for (const row of rows) {
    const content = await deps.blobs.get(row.sha256);
    if (!content) return { missing: `The attachment ${row.filename} is missing from the attachment store` };
    files.push({ filename: row.filename, contentType: row.contentType, content });
  }
  return { files };
}
