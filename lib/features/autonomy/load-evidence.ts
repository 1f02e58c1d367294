import { getDb, type DbClient } from '../../platform/db';
import { evidenceOf, type AutoSentReview, type ShadowOutcome } from '../../core/policy/shadow';
import type { TrustEvidence, TrustThresholds } from '../../core/policy/trust';

const DAY_MS = 86_400_000;

/** The trust evidence of the given categories (all when omitted) inside the window, by category. */
export async function loadEvidence(
  options: { categories?: readonly string[]; thresholds: TrustThresholds; now: Date },
  db: DbClient = getDb(),
): Promise<Map<string, TrustEvidence[]>> {
  const rows = await db.draftShadow.findMany({
    where: {
      ...(options.categories ? { category: { in: [...options.categories] } } : { category: { not: null } }),
      evidenceAt: { gte: new Date(options.now.getTime() - options.thresholds.windowDays * DAY_MS) },
    },
    select: { category: true, wouldAutoSend: true, outcome: true, review: true, evidenceAt: true },
  });
  return evidenceByCategory(rows);
}

/** Shadow rows as trust evidence by category (rows that are no evidence are left out). */
export function evidenceByCategory(
  rows: readonly { category: string | null; wouldAutoSend: boolean; outcome: string | null; review: string | null; evidenceAt: Date | null }[],
): Map<string, TrustEvidence[]> {
  const byCategory = new Map<string, TrustEvidence[]>();
  for (const row of rows) {
    const kind = evidenceOf({ wouldAutoSend: row.wouldAutoSend, outcome: row.outcome as ShadowOutcome | null, review: row.review as AutoSentReview | null });
    if (!kind || !row.category || !row.evidenceAt) continue;
    const list = byCategory.get(row.category) ?? [];
    list.push({ at: row.evidenceAt, kind });
    byCategory.set(row.category, list);
  }
  return byCategory;
}
