import { z } from 'zod';
import { createDb } from '../../../lib/platform/db/client';
import type { RunningStack } from './running-stack';

const summary = z.object({ id: z.string(), subject: z.string().nullable(), inReplyTo: z.string().nullable(), to: z.array(z.string()) });
const full = summary.extend({ text: z.string() });

/** What the stack's mail catcher received with this subject (replies are "Re: <subject>"). */
export async function caughtMail(mailUrl: string, subject: string) {
  const response = await fetch(`${mailUrl}/api/messages`);
  const { messages } = z.object({ messages: z.array(summary) }).parse(await response.json());
  const matching = messages.filter((message) => message.subject === `Re: ${subject}`);
  return Promise.all(matching.map(async (message) => full.parse(await (await fetch(`${mailUrl}/api/messages/${message.id}`)).json())));
}

/**
 * Waits until the stack's send ledger marks a reply in the conversation sent, then returns what
 * the catcher holds for the subject (the ledger is written after SMTP accepted the message).
 */
export async function sentReplies(stack: Pick<RunningStack, 'databaseUrl' | 'mailUrl'>, conversationId: string, subject: string, timeoutMs = 90_000) {
  const db = createDb(stack.databaseUrl);
  try {
    const deadline = Date.now() + timeoutMs;
    while (!(await db.outboundSend.findFirst({ where: { conversationId, status: 'sent' } }))) {
      if (Date.now() > deadline) throw new Error(`no reply to "${subject}" was sent`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await db.$disconnect();
  }
  return caughtMail(stack.mailUrl, subject);
}
