import { getDb, type DbClient } from '../../platform/db';
import { domainOf } from '../../platform/mail/addresses';
import type { Mailer } from '../../platform/mail/mailer';
import type { DemotionRecord } from './category-state';
import { notify } from '../notifications/notify';

export interface DemotionNotice {
  category: string;
  demotion: DemotionRecord;
  /** The team or manager address; undefined: the dashboard notice only. */
  to?: string;
  mailFrom: string;
}

/**
 * Emails a demotion to the team address when one is configured, and records where it went
 * or why it could not be sent, beside the notice the dashboard shows. Never throws: the
 * demotion itself is already committed and shown in the app.
 */
export async function notifyDemotion(notice: DemotionNotice, mailer: Mailer, db: DbClient = getDb()): Promise<void> {
  // Managers, each by the channels they chose (lib/features/notifications/).
  try {
    await notify({ kind: 'demotion', category: notice.category, summary: notice.demotion.summary, at: notice.demotion.at }, { db, mailer, mailFrom: notice.mailFrom });
  } catch (error) {
    console.error(`Telling managers that "${notice.category}" lost auto-send failed`, error);
  }
  if (!notice.to) return;
  let error: string | null = null;
  try {
    await mailer.send({
      from: notice.mailFrom,
      to: { address: notice.to },
      subject: `[Countersign] Auto-send switched off for "${notice.category}"`,
      text:
        `${notice.demotion.summary}\n\n` +
        `Replies in this category now wait for a person again. The category can earn auto-send back from ` +
        `agents' decisions made from now on; a manager enables it again on the overview page.\n`,
      messageId: `<autonomy.${encodeURIComponent(notice.category)}.${Date.parse(notice.demotion.at)}@${domainOf(notice.mailFrom)}>`,
    });
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  await db.categoryAutonomy.update({
    where: { category: notice.category },
    data: error ? { noticeError: error.slice(0, 500) } : { noticeEmailedTo: notice.to },
  });
}
