import type { Db } from '../../platform/db/client';
import { getDb } from '../../platform/db';
import type { Mailer } from '../../platform/mail/mailer';
import { domainOf } from '../../platform/mail/addresses';
import { previousLocalDay } from '../../core/sla/zoned-time';
import { computeDigestFigures } from './compute-digest-figures';
import { digestFiguresSchema, digestText } from './digest-figures';

export interface DailyDigestDeps {
  mailer: Mailer;
  mailFrom: string;
  appUrl?: string;
}

export interface SendDailyDigestInput {
  /** When the schedule fired; the digest covers the local day before it. */
  firedAt: Date;
  timeZone: string;
}

/**
 * Yesterday's digest, once: the day is the idempotency key (DailyDigest's primary key). The
 * figures are computed the first time and kept; each manager is mailed once and recorded
 * before the next, so a retry after a crash resumes with whoever is left, and a second firing
 * on the same day finds the digest sent and does nothing.
 */
export async function sendDailyDigest(input: SendDailyDigestInput, deps: DailyDigestDeps, db: Db = getDb()): Promise<{ day: string; sent: boolean }> {
  const day = previousLocalDay(input.firedAt, input.timeZone);
  let digest = await db.dailyDigest.findUnique({ where: { day } });
  if (!digest) {
    const figures = await computeDigestFigures({ day, timeZone: input.timeZone }, db);
    await db.dailyDigest.createMany({ data: [{ day, figures }], skipDuplicates: true });
    digest = await db.dailyDigest.findUniqueOrThrow({ where: { day } });
  }
  if (digest.sentAt) return { day, sent: false };
  const figures = digestFiguresSchema.parse(digest.figures);
  const managers = await db.user.findMany({ where: { role: { in: ['manager', 'admin'] }, disabledAt: null }, select: { email: true }, orderBy: { email: 'asc' } });
  const done = new Set(Array.isArray(digest.recipients) ? (digest.recipients as string[]) : []);
  const link = deps.appUrl ? `${deps.appUrl.replace(/\/$/, '')}/overview/digest` : undefined;
  for (const { email } of managers) {
    if (done.has(email)) continue;
    await deps.mailer.send({
      from: deps.mailFrom,
      to: { address: email },
      subject: `Daily digest for ${day}`,
      text: digestText(figures, link),
      messageId: `<digest.${day}.${Buffer.from(email).toString('hex').slice(0, 40)}@${domainOf(deps.mailFrom)}>`,
    });
    done.add(email);
    await db.dailyDigest.update({ where: { day }, data: { recipients: [...done] } });
  }
  await db.dailyDigest.update({ where: { day }, data: { sentAt: new Date() } });
  return { day, sent: true };
}
