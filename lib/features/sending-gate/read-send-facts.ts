import { getDb, type DbClient } from '../../platform/db';
import { addressOf } from '../../platform/mail/addresses';
import type { SendFacts } from '../../core/policy/send-decision';
import type { AutomationPolicy } from '../../core/policy/automation-policy';
import type { TrustThresholds } from '../../core/policy/trust';
import { screenDraftClaims } from '../../core/safety/claims';
import { findCustomerIdentifiers as customerIdentifiers } from '../../core/safety/claims';
import { describeCategoryAutoSend, getCategoryState } from '../autonomy/category-state';
import { getAutomationPolicy } from '../settings/automation-policy';
import { getDraftPassages } from '../knowledge/get-draft-passages';

export interface ReadSendFactsInput {
  conversationId: string;
  draftVersion: number;
  /** The draft's category as the workflow holds it from classification; none when it failed. */
  category?: string;
}

/** The facts only a live read can give; the workflow adds what it already holds (classification, screening, checks). */
export type LiveSendFacts = Pick<SendFacts, 'claims' | 'category' | 'caps'> & { policy: AutomationPolicy; draft: Omit<SendFacts['draft'], 'problems'> };

export interface SendFactsOptions {
  thresholds?: TrustThresholds;
  caps: { global: number; perSender: number };
  /** Our own addresses besides the mailboxes (MAIL_FROM). */
  ownAddresses?: string[];
}

const HOUR_MS = 3_600_000;

/**
 * One read of everything live the send decision needs: the policy (kill switch, thresholds),
 * the category's autonomy, the sends of the last hour, the draft as stored (with whether the
 * knowledge it cites changed since), and the claims screening of its text against the passages
 * it was given.
 */
export async function readSendFacts(input: ReadSendFactsInput, options: SendFactsOptions, db: DbClient = getDb()): Promise<LiveSendFacts> {
  const policy = await getAutomationPolicy({}, db);
  const [conversation, draft, mailboxes, people, categoryState] = await Promise.all([
    db.conversation.findUniqueOrThrow({ where: { id: input.conversationId }, select: { customerAddress: true, customerEmail: true, customerName: true } }),
    db.draft.findUniqueOrThrow({
      where: { conversationId_version: { conversationId: input.conversationId, version: input.draftVersion } },
      select: { origin: true, status: true, stopReason: true, aiBody: true, staleReason: true },
    }),
    db.mailbox.findMany({ select: { address: true } }),
    db.user.findMany({ where: { disabledAt: null }, select: { name: true } }),
    input.category ? getCategoryState(input.category, { thresholds: options.thresholds, policy }, db) : undefined,
  ]);
  const since = new Date(Date.now() - HOUR_MS);
  const autoSends = { kind: 'auto_send', createdAt: { gte: since } } as const;
  const [global, perSender, inbound, passages] = await Promise.all([
    db.decision.count({ where: autoSends }),
    db.decision.count({ where: { ...autoSends, conversation: { customerEmail: conversation.customerEmail } } }),
    db.message.findMany({ where: { conversationId: input.conversationId, direction: 'inbound' }, select: { subject: true, textBody: true } }),
    getDraftPassages(input, db).then((given) => given.map((passage) => ({ id: passage.id, text: `${passage.heading}\n${passage.text}` }))),
  ]);
  const customerText = inbound.map((message) => `${message.subject}\n${message.textBody ?? ''}`).join('\n');
  const claims = screenDraftClaims({
    draft: draft.aiBody,
    passages,
    customer: { address: conversation.customerAddress, name: conversation.customerName, identifiers: customerIdentifiers(customerText) },
    mailboxAddresses: [...mailboxes.map((mailbox) => mailbox.address), ...(options.ownAddresses ?? []).map(addressOf)],
    agentNames: people.map((person) => person.name),
  });
  return {
    policy,
    draft: { origin: draft.origin === 'agent' ? 'agent' : draft.origin === 'assembled' ? 'assembled' : 'model', status: draft.status, stopReason: draft.stopReason, staleReason: draft.staleReason },
    claims,
    category: categoryState ? describeCategoryAutoSend(categoryState) : null,
    caps: { global, perSender, capGlobal: options.caps.global, capPerSender: options.caps.perSender },
  };
}
