import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DemoEmail } from './demo-emails';

const intakeResponse = z.object({ conversationId: z.string(), messageId: z.string(), duplicate: z.boolean() });
export type IntakeResponse = z.infer<typeof intakeResponse>;

export interface SendOptions {
  baseUrl: string;
  secret: string;
  /** Makes Message-IDs unique per run, so a second demo creates new conversations. */
  runId?: string;
  to?: string;
}

/** Posts one email as the inbound mail relay would and returns the intake's answer. */
export async function sendDemoEmail(email: DemoEmail, index: number, options: SendOptions): Promise<IntakeResponse> {
  const runId = options.runId ?? randomUUID().slice(0, 8);
  const response = await fetch(new URL('/api/inbound', options.baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.secret}` },
    body: JSON.stringify({
      from: email.from,
      to: options.to ?? 'support@countersign.local',
      subject: email.subject,
      text: email.text,
      messageId: `<demo-${runId}-${index}-${email.key}@customers.example>`,
      date: new Date().toISOString(),
    }),
  });
  const body = await response.text();
  if (response.status !== 202) throw new Error(`intake answered ${response.status}: ${body.slice(0, 300)}`);
  return intakeResponse.parse(JSON.parse(body));
}
