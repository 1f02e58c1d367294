import 'server-only';
import { abFigures, type CategoryFigures, type VariantOutcome } from '../../core/ab/ab-figures';
import { getDb, type DbClient } from '../../platform/db';
import type { OverviewWindow } from './overview-window';

/** Picks, pick rate, median edit size and failures per A/B variant per category, for A/B drafts written in the window. */
export async function readAbStats(window: Pick<OverviewWindow, 'since'>, db: DbClient = getDb()): Promise<CategoryFigures[]> {
  const rows = await db.draftVariant.findMany({
    where: { createdAt: { gte: window.since } },
    select: { conversationId: true, draftVersion: true, label: true, category: true, status: true, picked: true, editSize: true },
  });
  const outcomes: VariantOutcome[] = rows.map((row) => ({
    category: row.category ?? 'Unclassified',
    draftVersionKey: `${row.conversationId}#${row.draftVersion}`,
    label: row.label === 'B' ? 'B' : 'A',
    status: row.status === 'ok' || row.status === 'unusable' ? row.status : 'failed',
    picked: row.picked,
    editSize: row.editSize,
  }));
  return abFigures(outcomes);
}
