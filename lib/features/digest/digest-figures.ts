import { z } from 'zod';

/** What the daily digest reports for one local day; stored as the DailyDigest row's figures. */
export const digestFiguresSchema = z.object({
  day: z.string(),
  timeZone: z.string(),
  /** Customer messages received and conversations started that day. */
  messagesReceived: z.number(),
  conversationsStarted: z.number(),
  sent: z.number(),
  autoSent: z.number(),
  /** auto-sent / sent, as on the overview; null when nothing was sent. */
  automationRate: z.number().nullable(),
  approvals: z.number(),
  edited: z.number(),
  /** edited / approvals; null when nobody approved a draft. */
  editRate: z.number().nullable(),
  /** Waiting in "Needs a person" when the digest was made. */
  needsPerson: z.number(),
  /** Response targets breached that day (the SLA engine). */
  slaBreaches: z.number(),
  /** Drafts escalated for want of a decision that day (the overview's "breaches"). */
  reviewEscalations: z.number(),
  costUsd: z.number(),
  topCategories: z.array(z.object({ category: z.string().nullable(), conversations: z.number() })),
  /** Categories whose auto-send was switched off by a demotion that day. */
  demotions: z.array(z.string()),
});

export type DigestFigures = z.infer<typeof digestFiguresSchema>;

const percent = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

/** The digest as plain text, for the email. */
export function digestText(figures: DigestFigures, link?: string): string {
  const categories = figures.topCategories.map((row) => `  ${row.category ?? 'unclassified'}: ${row.conversations}`).join('\n') || '  none';
  return [
    `Countersign daily digest for ${figures.day} (${figures.timeZone})`,
    '',
    `Messages received: ${figures.messagesReceived} (${figures.conversationsStarted} new conversations)`,
    `Replies sent: ${figures.sent}, of which automatic: ${figures.autoSent} (automation rate ${percent(figures.automationRate)})`,
    `Drafts approved: ${figures.approvals}, edited before sending: ${figures.edited} (edit rate ${percent(figures.editRate)})`,
    `Waiting in Needs a person now: ${figures.needsPerson}`,
    `SLA breaches: ${figures.slaBreaches}; drafts escalated for review: ${figures.reviewEscalations}`,
    `Model cost: $${figures.costUsd.toFixed(2)}`,
    `Top categories:\n${categories}`,
    `Auto-send demoted: ${figures.demotions.length > 0 ? figures.demotions.join(', ') : 'none'}`,
    ...(link ? ['', link] : []),
  ].join('\n');
}
