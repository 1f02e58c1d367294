import { z } from 'zod';

const summary = z.object({ id: z.string(), subject: z.string().nullable(), inReplyTo: z.string().nullable(), to: z.array(z.string()) });
const full = summary.extend({ text: z.string() });

/** What the stack's mail catcher received with this subject (replies are "Re: <subject>"). */
export async function caughtMail(mailUrl: string, subject: string) {
  const response = await fetch(`${mailUrl}/api/messages`);
  const { messages } = z.object({ messages: z.array(summary) }).parse(await response.json());
  const matching = messages.filter((message) => message.subject === `Re: ${subject}`);
  return Promise.all(matching.map(async (message) => full.parse(await (await fetch(`${mailUrl}/api/messages/${message.id}`)).json())));
}
