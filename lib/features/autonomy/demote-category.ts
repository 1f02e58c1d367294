import type { Prisma } from '../../platform/db/generated/client';
import { getDb, type Db, type DbClient } from '../../platform/db';
import { demotionSummary, type TrustThresholds } from '../../core/policy/trust';
import { recordAudit } from '../audit/record-audit';
import { AUTOMATION_POLICY_KEY, getAutomationPolicy } from '../settings/automation-policy';
import { getCategoryState, type DemotionRecord } from './category-state';
import { lockCategory } from './lock-category';
import { trustThresholdsFromEnv } from './trust-thresholds';

export interface DemoteInput {
  category: string;
  thresholds?: TrustThresholds;
  now?: Date;
}


/** Takes the category off the saved policy's list, keeping every other saved field as it was. */
async function removeFromPolicy(category: string, explicitList: string[], tx: DbClient): Promise<void> {
  const row = await tx.setting.findUnique({ where: { key: AUTOMATION_POLICY_KEY } });
  const saved = (row?.value ?? {}) as Record<string, unknown>;
  const value = { ...saved, autoSendCategories: explicitList.filter((entry) => entry !== category) } as Prisma.InputJsonValue;
  await tx.setting.upsert({
    where: { key: AUTOMATION_POLICY_KEY },
    create: { key: AUTOMATION_POLICY_KEY, value, updatedBy: null },
    update: { value, updatedBy: null },
  });
}

/**
 * Switches auto-send off for a category whose recent decisions fall below the threshold:
 * the earned enablement and the explicit setting alike, in one transaction with the audit
 * entry that carries the figures. Evidence starts afresh, so the category must earn its
 * eligibility again from decisions made after this. Returns the demotion, or null when the
 * category is not on or still performs.
 */
export async function demoteIfBelowThreshold(input: DemoteInput, db: Db = getDb()): Promise<DemotionRecord | null> {
  const thresholds = input.thresholds ?? trustThresholdsFromEnv();
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    await lockCategory(input.category, tx);
    const state = await getCategoryState(input.category, { thresholds, now }, tx);
    if (!state.active || !state.figures.belowDemotionThreshold) return null;
    const { figures } = state;
    const demotion: DemotionRecord = {
      at: now.toISOString(),
      summary: demotionSummary(input.category, figures, thresholds),
      figures: { decisions: figures.decisions, agreement: figures.agreement, counts: figures.counts, recent: figures.recent },
      threshold: thresholds.demoteBelow,
    };
    const json = JSON.parse(JSON.stringify(demotion)) as Prisma.InputJsonValue;
    await tx.categoryAutonomy.upsert({
      where: { category: input.category },
      create: { category: input.category, enabled: false, demotedAt: now, demotion: json, evidenceSince: now },
      update: { enabled: false, demotedAt: now, demotion: json, evidenceSince: now, noticeEmailedTo: null, noticeError: null },
    });
    if (state.explicit) await removeFromPolicy(input.category, (await getAutomationPolicy({}, tx)).autoSendCategories, tx);
    await recordAudit(
      {
        actorId: null,
        action: 'autonomy.category.demote',
        target: `category:${input.category}`,
        before: { active: true, explicit: state.explicit, enabled: state.enabled },
        after: { active: false, ...(json as object) },
      },
      tx,
    );
    return demotion;
  });
}
