import { variantSchema, type LabelledVariant } from '../../core/ab/variants';
import { getDb, type Db } from '../../platform/db';

export interface AbTestView {
  category: string;
  enabled: boolean;
  variants: [LabelledVariant, LabelledVariant];
}

function viewOf(row: { category: string; enabled: boolean; variantA: unknown; variantB: unknown }): AbTestView | undefined {
  const a = variantSchema.safeParse(row.variantA);
  const b = variantSchema.safeParse(row.variantB);
  if (!a.success || !b.success) return undefined;
  return { category: row.category, enabled: row.enabled, variants: [{ label: 'A', ...a.data }, { label: 'B', ...b.data }] };
}

/** The category's A/B test when it is enabled, read live each time a draft is written. */
export async function readEnabledAbTest(category: string, db: Db = getDb()): Promise<AbTestView | undefined> {
  const row = await db.abTest.findUnique({ where: { category } });
  const view = row ? viewOf(row) : undefined;
  return view?.enabled ? view : undefined;
}

/** Every saved A/B test, for Settings. */
export async function listAbTests(db: Db = getDb()): Promise<AbTestView[]> {
  const rows = await db.abTest.findMany({ orderBy: { category: 'asc' } });
  return rows.flatMap((row) => viewOf(row) ?? []);
}
