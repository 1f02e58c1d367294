import { getDb, type Db } from '../../platform/db';
import { env } from '../../platform/config/env';
import type { Actor } from '../../core/contract';
import { hasRole } from '../../core/roles';
import { percent, type TrustThresholds } from '../../core/policy/trust';
import { recordAudit } from '../audit/record-audit';
import { AutonomyError } from './autonomy-error';
import { getCategoryState, type CategoryState } from './category-state';
import { lockCategory } from './lock-category';

export interface CategoryChangeOptions {
  thresholds?: TrustThresholds;
  now?: Date;
  /** The categories the classifier can produce; default CATEGORIES. */
  categories?: readonly string[];
}

const figuresOf = (state: CategoryState) => ({
  decisions: state.figures.decisions,
  agreement: state.figures.agreement,
  counts: state.figures.counts,
  eligible: state.figures.eligible,
});

function checkManager(actor: Actor, category: string, options: CategoryChangeOptions): void {
  if (!hasRole(actor, 'manager')) throw new AutonomyError('forbidden', 'Only managers can change auto-send for a category.');
  if (!(options.categories ?? env().CATEGORIES).includes(category)) throw new AutonomyError('unknown_category', `Unknown category "${category}".`);
}

/**
 * A manager turns auto-send on for a category that has earned it, with one click. Refused
 * unless the category is eligible right now (the figures are checked again under the lock,
 * so a demotion or a reject a moment earlier wins). Audited with the figures it rested on.
 */
export async function enableCategoryAutoSend(actor: Actor, category: string, options: CategoryChangeOptions = {}, db: Db = getDb()): Promise<CategoryState> {
  checkManager(actor, category, options);
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    await lockCategory(category, tx);
    const before = await getCategoryState(category, { thresholds: options.thresholds, now }, tx);
    if (before.active) throw new AutonomyError('already_on', `Auto-send is already on for "${category}".`);
    if (!before.figures.eligible) {
      throw new AutonomyError('not_eligible', `"${category}" has not earned auto-send yet: ${before.figures.blockers.join('; ')}.`);
    }
    await tx.categoryAutonomy.upsert({
      where: { category },
      create: { category, enabled: true, enabledBy: actor.id, enabledAt: now },
      update: { enabled: true, enabledBy: actor.id, enabledAt: now },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: 'autonomy.category.enable',
        target: `category:${category}`,
        before: { active: false, ...figuresOf(before) },
        after: { active: true, reason: `earned: agents agreed with ${percent(before.figures.agreement)} of ${before.figures.decisions} decisions` },
      },
      tx,
    );
    return getCategoryState(category, { thresholds: options.thresholds, now }, tx);
  });
}

/** A manager turns an earned auto-send off again (an explicit one is switched off in Settings). Audited. */
export async function disableCategoryAutoSend(actor: Actor, category: string, options: CategoryChangeOptions = {}, db: Db = getDb()): Promise<CategoryState> {
  checkManager(actor, category, options);
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    await lockCategory(category, tx);
    const before = await getCategoryState(category, { thresholds: options.thresholds, now }, tx);
    if (before.explicit) throw new AutonomyError('explicit', `"${category}" auto-sends by an explicit setting: switch it off in Settings.`);
    if (!before.enabled) return before;
    await tx.categoryAutonomy.update({ where: { category }, data: { enabled: false } });
    await recordAudit(
      { actorId: actor.id, action: 'autonomy.category.disable', target: `category:${category}`, before: { active: true, ...figuresOf(before) }, after: { active: false } },
      tx,
    );
    return getCategoryState(category, { thresholds: options.thresholds, now }, tx);
  });
}
