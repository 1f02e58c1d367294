import type { VariantLabel } from '../../core/ab/variants';
import { AppError } from '../../core/errors';
import { getDb, type Db } from '../../platform/db';

export interface VariantPick {
  label: VariantLabel;
  /** The other side, when it was offered too (a comparison); undefined when it had failed. */
  other?: VariantLabel;
  model: string;
  promptVersion: number | null;
}

/**
 * Before an approval of an A/B draft is stored: the picked side's text becomes the draft row's
 * AI text (so the edit size is measured against what the agent picked), and the pick is marked.
 * Undefined when the draft is no A/B draft. Idempotent: a retried activity writes the same.
 */
export async function applyVariantPick(
  input: { conversationId: string; draftVersion: number; label?: VariantLabel },
  db: Db = getDb(),
): Promise<VariantPick | undefined> {
  const sides = await db.draftVariant.findMany({ where: { conversationId: input.conversationId, draftVersion: input.draftVersion }, orderBy: { label: 'asc' } });
  if (sides.length === 0) {
    if (input.label) throw new AppError(`draft v${input.draftVersion} has no variants to pick from`);
    return undefined;
  }
  const draft = await db.draft.findUniqueOrThrow({ where: { conversationId_version: { conversationId: input.conversationId, version: input.draftVersion } } });
  const offered = sides.filter((side) => side.status === 'ok');
  // Without a label the agent approved the side the draft row already shows.
  const picked = input.label ? offered.find((side) => side.label === input.label) : (offered.find((side) => side.body === draft.aiBody) ?? offered[0]);
  if (!picked) throw new AppError(`variant ${input.label ?? '?'} of draft v${input.draftVersion} was not offered`);
  await db.$transaction([
    db.draft.update({ where: { id: draft.id }, data: { aiBody: picked.body, model: picked.model, stopReason: picked.stopReason } }),
    db.draftVariant.updateMany({ where: { conversationId: input.conversationId, draftVersion: input.draftVersion, status: 'ok' }, data: { picked: false } }),
    db.draftVariant.update({ where: { id: picked.id }, data: { picked: true } }),
  ]);
  const other = offered.find((side) => side.id !== picked.id);
  return { label: picked.label as VariantLabel, other: other?.label as VariantLabel | undefined, model: picked.model, promptVersion: picked.promptVersion };
}

/** After the approval is stored: the edit size the agent made to the picked side. */
export async function recordVariantEdit(input: { conversationId: string; draftVersion: number; label: VariantLabel; editSize: number }, db: Db = getDb()): Promise<void> {
  const decidedAt = new Date();
  await db.draftVariant.updateMany({ where: { conversationId: input.conversationId, draftVersion: input.draftVersion }, data: { decidedAt } });
  await db.draftVariant.update({
    where: { conversationId_draftVersion_label: { conversationId: input.conversationId, draftVersion: input.draftVersion, label: input.label } },
    data: { editSize: input.editSize },
  });
}
