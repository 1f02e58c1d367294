import 'server-only';
import type { DbClient } from '../../platform/db/client';
import { getDb } from '../../platform/db';
import { digestFiguresSchema, type DigestFigures } from '../../features/digest/digest-figures';

export interface DigestEntry {
  day: string;
  figures: DigestFigures;
  recipients: string[];
  sentAt: Date | null;
}

/** The newest daily digests, as mailed (figures frozen when each was made). */
export async function listDigests(options: { limit?: number } = {}, db: DbClient = getDb()): Promise<DigestEntry[]> {
  const rows = await db.dailyDigest.findMany({ orderBy: { day: 'desc' }, take: options.limit ?? 14 });
  return rows.flatMap((row) => {
    const figures = digestFiguresSchema.safeParse(row.figures);
    if (!figures.success) return [];
    return [{ day: row.day, figures: figures.data, recipients: Array.isArray(row.recipients) ? (row.recipients as string[]) : [], sentAt: row.sentAt }];
  });
}
