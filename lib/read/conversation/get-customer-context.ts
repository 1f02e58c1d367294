import 'server-only';
import { companyDomainOf } from '../../core/mail/company-domain';
import { getDb, type DbClient } from '../../platform/db';

export interface ContextConversation {
  id: string;
  subject: string;
  status: string;
  customerEmail: string;
  lastMessageAt: Date;
  /** The last reply that went out, if any. */
  lastReply: { body: string; sentAt: Date } | null;
}

export interface CustomerContext {
  /** The same customer's other conversations, newest first. */
  earlier: ContextConversation[];
  /** Others from the same company domain (none for free-mail domains), newest first. */
  company: { domain: string; conversations: ContextConversation[] } | null;
}

const LIMIT = 8;
const SELECT = { id: true, subject: true, status: true, customerEmail: true, lastMessageAt: true } as const;

/**
 * The side panel's context: the customer's other conversations (customerEmail index) and, for a
 * company domain, colleagues' ones ([customerDomain, lastMessageAt] index), each with its last
 * sent reply ([conversationId, sentAt] index on the send ledger). Four small queries, bounded.
 */
export async function getCustomerContext(
  conversation: { id: string; customerEmail: string; customerAddress: string | null },
  db: DbClient = getDb(),
): Promise<CustomerContext> {
  const domain = companyDomainOf(conversation.customerAddress);
  const [earlier, colleagues] = await Promise.all([
    conversation.customerAddress
      ? db.conversation.findMany({ where: { customerEmail: conversation.customerEmail, id: { not: conversation.id } }, orderBy: { lastMessageAt: 'desc' }, take: LIMIT, select: SELECT })
      : [],
    domain
      ? db.conversation.findMany({
          where: { customerDomain: domain, customerEmail: { not: conversation.customerEmail }, id: { not: conversation.id } },
          orderBy: { lastMessageAt: 'desc' },
          take: LIMIT,
          select: SELECT,
        })
      : [],
  ]);
  const ids = [...earlier, ...colleagues].map((row) => row.id);
  const sends = ids.length
    ? await db.outboundSend.findMany({
        where: { conversationId: { in: ids }, status: 'sent' },
        orderBy: [{ conversationId: 'asc' }, { sentAt: 'desc' }],
        distinct: ['conversationId'],
        select: { conversationId: true, body: true, sentAt: true },
      })
    : [];
  const lastReply = new Map(sends.map((send) => [send.conversationId, send.sentAt ? { body: send.body, sentAt: send.sentAt } : null]));
  const withReply = (row: (typeof earlier)[number]): ContextConversation => ({ ...row, lastReply: lastReply.get(row.id) ?? null });
  return { earlier: earlier.map(withReply), company: domain ? { domain, conversations: colleagues.map(withReply) } : null };
}
