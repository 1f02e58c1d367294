import 'server-only';
import type { Attachment, Classification, ConversationEvent, Draft, LlmCall, Message, OutboundSend } from '../../platform/db/generated/client';
import { senderAuthResultsSchema } from '../../features/intake/sender-auth/sender-auth-results';
import { senderVerificationText } from '../../core/mail/verified-sender';
import type { TimelineEventType } from '../../core/conversation/timeline-events';
import type { AttachmentView, ClaimedConversation, ClassificationView, DraftView, LlmCallView, SendView, ThreadMessage, TimelineItem } from './detail-types';
import { promptTokens } from '../../platform/llm/pricing';
import { readAddresses, readKnowledge, readTextList } from './json-fields';

/** Row → view mappers for the conversation page; JSON columns are read leniently. */

const PREVIEWABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export function toAttachmentView(row: Attachment): AttachmentView {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    inline: row.inline,
    contentId: row.contentId,
    refusedReason: row.refusedReason,
    previewable: !row.refusedReason && PREVIEWABLE.has(row.contentType),
  };
}

export function toThreadMessage(
  message: Omit<Message, 'rawMime'>,
  claimed: ReadonlyMap<string, ClaimedConversation> = new Map(),
  attachments: readonly Attachment[] = [],
): ThreadMessage {
  const auth = senderAuthResultsSchema.safeParse(message.authResults);
  const outbound = message.direction === 'outbound';
  return {
    id: message.id,
    direction: message.direction === 'outbound' ? 'outbound' : 'inbound',
    fromAddress: message.fromAddress,
    fromName: message.fromName,
    fromHeader: message.fromHeader,
    senderAddress: message.senderAddress,
    senderProblem: message.senderProblem,
    senderVerified: outbound || message.senderVerified,
    senderVerification: outbound ? 'Sent from Countersign' : senderVerificationText(message.senderVerification),
    claims: readTextList(message.claimedConversations).flatMap((id) => {
      const conversation = claimed.get(id);
      return conversation ? [conversation] : [];
    }),
    toAddresses: readAddresses(message.toAddresses),
    subject: message.subject,
    sentAt: message.sentAt,
    textBody: message.textBody,
    htmlBody: message.htmlBody,
    automated: message.automated,
    automatedReason: message.automatedReason,
    screening: readTextList(message.screening),
    channel: message.channel,
    authResults: auth.success ? auth.data : null,
    attachments: attachments.map(toAttachmentView),
  };
}

export function toClassificationView(row: Classification): ClassificationView {
  return {
    ok: row.ok,
    error: row.error,
    category: row.category,
    priority: row.priority,
    sentiment: row.sentiment,
    language: row.language,
    riskScore: row.riskScore,
    riskReasons: readTextList(row.riskReasons),
    confidence: row.confidence,
    requiresHuman: row.requiresHuman,
    injectionSuspected: row.injectionSuspected,
    injectionReasons: readTextList(row.injectionReasons),
    summary: row.summary,
    model: row.model,
    createdAt: row.createdAt,
  };
}

export function toDraftView(row: Draft): DraftView {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    aiBody: row.aiBody,
    finalBody: row.finalBody,
    model: row.model,
    knowledge: readKnowledge(row.knowledgeUsed),
    inventedCitations: readTextList(row.inventedCitations),
    staleReason: row.staleReason,
    revisionInstructions: row.revisionInstructions,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    stopReason: row.stopReason,
    origin: row.origin === 'agent' ? 'agent' : row.origin === 'assembled' ? 'assembled' : 'model',
  };
}

export function toSendView(row: OutboundSend): SendView {
  return {
    draftVersion: row.draftVersion,
    status: row.status,
    attempts: row.attempts,
    error: row.error,
    messageIdHeader: row.messageIdHeader,
    toAddress: row.toAddress,
    sentAt: row.sentAt,
    updatedAt: row.updatedAt,
  };
}

export function toLlmCallView(row: LlmCall): LlmCallView {
  return {
    id: row.id,
    purpose: row.purpose,
    model: row.model,
    promptName: row.promptName,
    promptVersion: row.promptVersion,
    attempt: row.attempt,
    ok: row.ok,
    error: row.error,
    errorType: row.errorType,
    stopReason: row.stopReason,
    priceEstimated: row.priceEstimated,
    promptTokens: promptTokens(row),
    outputTokens: row.outputTokens,
    cacheReadTokens: row.cacheReadTokens,
    cacheWriteTokens: row.cacheWrite5mTokens + row.cacheWrite1hTokens,
    costUsd: row.costUsd,
    latencyMs: row.latencyMs,
    traceId: row.traceId,
    createdAt: row.createdAt,
  };
}

// A Record, not a Set: a new event type in timeline-events.ts fails typecheck until listed.
const KNOWN_EVENTS: Record<TimelineEventType, true> = {
  knowledge_changed: true,
  received: true,
  classified: true,
  drafted: true,
  routed: true,
  auto_send_held: true,
  auto_send_cancelled: true,
  decision: true,
  superseded: true,
  escalated: true,
  sent: true,
  send_failed: true,
  ignored: true,
  closed: true,
  lifecycle: true,
  send_undone: true,
  needs_person: true,
  manual_reply: true,
  resend_requested: true,
  auto_sent_reviewed: true,
  sla_notice: true,
  assigned: true,
};

/** Event data is written by our own activities (lib/data/mirror/timeline-events.ts). */
export function toTimelineItem(row: ConversationEvent): TimelineItem {
  const base = { id: row.id, at: row.at, actorId: row.actorId };
  const data = typeof row.data === 'object' && row.data !== null ? row.data : {};
  if (!Object.hasOwn(KNOWN_EVENTS, row.type)) return { ...base, type: 'other', rawType: row.type, data };
  return { ...base, type: row.type, data } as TimelineItem;
}
