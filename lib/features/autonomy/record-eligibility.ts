import { getDb, type Db } from '../../platform/db';
import type { TrustThresholds } from '../../core/policy/trust';
import { recordAudit } from '../audit/record-audit';
import { getCategoryState } from './category-state';
import { lockCategory } from './lock-category';
import { trustThresholdsFromEnv } from './trust-thresholds';

/**
 * Notes when a category earns eligibility for auto-send, or loses it, with an audit entry
 * carrying the figures: the trail of a promotion. Nothing turns on by itself; a manager
 * enables an eligible category. Returns whether it is eligible now.
 */
export async function recordEligibility(input: { category: string; thresholds?: TrustThresholds; now?: Date }, db: Db = getDb()): Promise<boolean> {
  const thresholds = input.thresholds ?? trustThresholdsFromEnv();
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    await lockCategory(input.category, tx);
    const [state, row] = await Promise.all([
      getCategoryState(input.category, { thresholds, now }, tx),
      tx.categoryAutonomy.findUnique({ where: { category: input.category }, select: { eligibleAt: true } }),
    ]);
    const { figures } = state;
    const was = row?.eligibleAt != null;
    if (figures.eligible === was) return figures.eligible;
    await tx.categoryAutonomy.upsert({
      where: { category: input.category },
      create: { category: input.category, eligibleAt: figures.eligible ? now : null },
      update: { eligibleAt: figures.eligible ? now : null },
    });
    await recordAudit(
      {
        actorId: null,
        action: figures.eligible ? 'autonomy.category.eligible' : 'autonomy.category.ineligible',
        target: `category:${input.category}`,
        before: { eligible: was },
        after: { eligible: figures.eligible, decisions: figures.decisions, agreement: figures.agreement, counts: figures.counts, blockers: figures.blockers },
      },
      tx,
    );
    return figures.eligible;
  });
}
