import { randomUUID } from 'node:crypto';
import { DEMO_EMAILS, type DemoEmail } from '../../../devstack/demo-emails';
import { sendDemoEmail } from '../../../devstack/send-demo-email';
import { waitForStatus } from './conversation-status';
import type { RunningStack } from './running-stack';

/** Six letters: a tag of hex digits would read to the claims screening as an invented code. */
export function letterTag(): string {
  return randomUUID().slice(0, 6).replace(/\d/g, (digit) => 'ghijklmnop'[Number(digit)] ?? 'q');
}

/** A demo email with a tag in its subject, so each test's conversation and reply are its own. */
export function demoEmail(key: string, tag = letterTag()): DemoEmail {
  const found = DEMO_EMAILS.find((entry) => entry.key === key);
  if (!found) throw new Error(`no demo email ${key}`);
  return { ...found, subject: `${found.subject} [${tag}]` };
}

/**
 * Posts a customer email through the stack's intake and waits until its conversation reaches
 * `status` (by default: the draft waits for a person). The Message-ID is returned for replies.
 */
export async function postAndWait(
  stack: RunningStack,
  secret: string,
  mail: DemoEmail,
  status = 'awaiting_approval',
  runId = randomUUID().slice(0, 8),
): Promise<{ conversationId: string; messageId: string }> {
  const { conversationId } = await sendDemoEmail(mail, 0, { baseUrl: stack.baseUrl, secret, runId });
  await waitForStatus(stack, conversationId, (current) => current === status, status);
  return { conversationId, messageId: `<demo-${runId}-0-${mail.key}@customers.example>` };
}
