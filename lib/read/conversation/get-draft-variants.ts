import 'server-only';
import type { VariantLabel } from '../../core/ab/variants';
import { getDb, type DbClient } from '../../platform/db';

export interface DraftVariantView {
  label: VariantLabel;
  /** ok: offered; unusable or failed: shown with its reason, never pickable. */
  status: 'ok' | 'unusable' | 'failed';
  model: string;
  promptVersion: number | null;
  body: string;
  failureReason: string | null;
  picked: boolean | null;
  editSize: number | null;
}

/** The sides of an A/B draft version, A first; empty for any other draft. */
export async function getDraftVariants(conversationId: string, draftVersion: number, db: DbClient = getDb()): Promise<DraftVariantView[]> {
  const rows = await db.draftVariant.findMany({ where: { conversationId, draftVersion }, orderBy: { label: 'asc' } });
  return rows.map((row) => ({
    label: row.label === 'B' ? 'B' : 'A',
    status: row.status === 'ok' || row.status === 'unusable' ? row.status : 'failed',
    model: row.model,
    promptVersion: row.promptVersion,
    body: row.body,
    failureReason: row.failureReason,
    picked: row.picked,
    editSize: row.editSize,
  }));
}
