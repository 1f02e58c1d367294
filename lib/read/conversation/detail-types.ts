import type { SenderAuthResults } from '../../features/intake/sender-auth/sender-auth-results';
import type { TimelineEventData, TimelineEventType } from '../../core/conversation/timeline-events';
import type { KnowledgeRef } from './json-fields';
import type { DraftVerification } from '../../core/safety/verification';
import type { GroundingAnswer } from '../../core/safety/grounding';
import type { LayerVerdict } from '../../core/policy/send-decision';

/** Everything the conversation page shows, read from the mirror in one call. */
export interface ConversationDetail {
  conversation: ConversationHeader;
  messages: ThreadMessage[];
  classification: ClassificationView | null;
  currentDraft: DraftView | null;
  /** Every version, newest first. */
  drafts: DraftView[];
  timeline: TimelineItem[];
  decisions: DecisionView[];
  llmCalls: LlmCallView[];
  /** The send ledger: one row per draft version handed to SMTP. */
  sends: SendView[];
  usage: { costUsd: number; promptTokens: number; outputTokens: number; calls: number };
  /** Display names of the people who acted, by user id. */
  people: Record<string, string>;
  /** The policy's verdict on each routed draft, the second check's answer and what happened; newest first. */
  shadows: ShadowView[];
}

/** What the second model check answered (lib/core/safety/verification.ts), or why it did not. */
export interface VerificationView {
  status: 'passed' | 'failed' | 'error' | 'skipped';
  reasons: string[];
  answer: DraftVerification | null;
}

/** What the check that never reads the email answered (lib/core/safety/grounding.ts), or why it did not. */
export interface GroundingView {
  status: 'passed' | 'failed' | 'error' | 'skipped';
  reasons: string[];
  answer: GroundingAnswer | null;
}

export interface ShadowView {
  draftVersion: number;
  /** Every layer's verdict at routing, with what each held; empty for drafts routed before layers were kept. */
  layers: LayerVerdict[];
  grounding: GroundingView | null;
  category: string | null;
  wouldAutoSend: boolean;
  reasons: string[];
  route: string | null;
  verification: VerificationView | null;
  outcome: string | null;
  editSize: number | null;
  /** For a reply that went out automatically: pending | ok | should_not_have_gone_out. */
  review: string | null;
  reviewReason: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
}

export interface ConversationHeader {
  id: string;
  subject: string;
  customerEmail: string;
  customerName: string | null;
  /** The one verified mailbox replies go to; null when the first From was not usable. */
  customerAddress: string | null;
  /** The first message's sender verdict (lib/core/mail/verified-sender.ts). */
  senderVerified: boolean;
  /** People an agent let into this conversation besides the customer. */
  participants: string[];
  /** The mailbox it came in on (replies leave from it); null: the default address. */
  mailbox: MailboxView | null;
  status: string;
  statusReason: string | null;
  category: string | null;
  /** People's tags (lib/core/conversation/tags.ts); the category above is the classifier's. */
  tags: string[];
  priority: string | null;
  riskScore: number | null;
  injectionSuspected: boolean;
  slaDueAt: Date | null;
  holdUntil: Date | null;
  lastMessageAt: Date;
  createdAt: Date;
  messageCount: number;
  costUsd: number;
}

export interface AttachmentView {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  inline: boolean;
  contentId: string | null;
  /** Why it cannot be downloaded (a program or script); null when it can. */
  refusedReason: string | null;
  /** A raster image type: the page may show a preview (the route checks the bytes again). */
  previewable: boolean;
}

export interface MailboxView {
  id: string;
  address: string;
  displayName: string;
}

export interface ThreadMessage {
  id: string;
  direction: 'inbound' | 'outbound';
  fromAddress: string;
  fromName: string | null;
  /** The From header as received. */
  fromHeader: string | null;
  /** The verified single mailbox of the sender; null when there is none (no reply possible). */
  senderAddress: string | null;
  /** Why the sender is unverified or looks spoofed, for the agent. */
  senderProblem: string | null;
  /** DMARC pass or an operator's allow rule (lib/core/mail/verified-sender.ts); replies: true. */
  senderVerified: boolean;
  /** What the agent reads about that verdict. */
  senderVerification: string;
  /** Conversations this message claimed to reply to but was kept out of. */
  claims: ClaimedConversation[];
  toAddresses: string[];
  subject: string;
  sentAt: Date;
  textBody: string | null;
  htmlBody: string | null;
  automated: boolean;
  automatedReason: string | null;
  screening: string[];
  /** How it arrived (api, imap, smtp, postmark, sendgrid, mailgun); null for replies and older mail. */
  channel: string | null;
  /** SPF, DKIM and DMARC as checked at intake; null when not recorded. */
  authResults: SenderAuthResults | null;
  attachments: AttachmentView[];
}

export interface ClaimedConversation {
  id: string;
  subject: string;
  customerEmail: string;
}

export interface ClassificationView {
  ok: boolean;
  error: string | null;
  category: string | null;
  priority: string | null;
  sentiment: string | null;
  language: string | null;
  riskScore: number | null;
  riskReasons: string[];
  confidence: number | null;
  requiresHuman: boolean;
  injectionSuspected: boolean;
  injectionReasons: string[];
  summary: string | null;
  model: string;
  createdAt: Date;
}

export interface DraftView {
  id: string;
  version: number;
  status: string;
  aiBody: string;
  finalBody: string | null;
  model: string;
  knowledge: KnowledgeRef[];
  /** Cited passage ids that were never given to the model. */
  inventedCitations: string[];
  /** Why the knowledge behind this draft changed since it was written, if it did. */
  staleReason: string | null;
  revisionInstructions: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  /** Why the model stopped; null for agent-written replies and older drafts. */
  stopReason: string | null;
  /** model: Claude wrote it; assembled: code put it together from approved passages; agent: a person wrote it. */
  origin: 'model' | 'assembled' | 'agent';
}

export interface SendView {
  draftVersion: number;
  /** pending | sending (uncertain when left by a dead worker) | sent | failed */
  status: string;
  attempts: number;
  error: string | null;
  messageIdHeader: string;
  toAddress: string;
  sentAt: Date | null;
  updatedAt: Date;
}

export interface DecisionView {
  id: string;
  draftVersion: number;
  kind: string;
  actorType: string;
  actorId: string | null;
  reasons: string[];
  editDistance: number | null;
  note: string | null;
  createdAt: Date;
}

export interface LlmCallView {
  id: string;
  purpose: string;
  model: string;
  promptName: string;
  promptVersion: number;
  attempt: number;
  ok: boolean;
  error: string | null;
  errorType: string | null;
  stopReason: string | null;
  /** The model is missing from the price table: the cost is an estimate at fallback rates. */
  priceEstimated: boolean;
  /** Every token of the prompt (`promptTokens`): uncached input plus cache reads and writes. */
  promptTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
  latencyMs: number;
  traceId: string | null;
  createdAt: Date;
}

/** A timeline row with its data typed by event type; unknown types are kept, not dropped. */
export type TimelineItem =
  | { [K in TimelineEventType]: { id: string; type: K; at: Date; actorId: string | null; data: TimelineEventData[K] } }[TimelineEventType]
  | { id: string; type: 'other'; rawType: string; at: Date; actorId: string | null; data: unknown };
