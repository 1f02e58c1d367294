import { getDb, type Db } from '../../platform/db';
import type { Mailer } from '../../platform/mail/mailer';
import type { TrustThresholds } from '../../core/policy/trust';
import type { DemotionRecord } from './category-state';
import { demoteIfBelowThreshold } from './demote-category';
import { notifyDemotion } from './notify-demotion';
import { recordEligibility } from './record-eligibility';

export interface NotifyConfig {
  mailer: Mailer;
  mailFrom: string;
  /** AUTONOMY_NOTIFY_EMAIL, else ESCALATION_EMAIL; undefined: the dashboard notice only. */
  to?: string;
}

/**
 * After new evidence (an agent's decision, a review of an automatic reply): switches the
 * category off when it no longer performs and tells the managers, and notes (audited) when it
 * earns or loses eligibility.
 */
export async function reassessCategory(
  input: { category: string | null | undefined; thresholds?: TrustThresholds; now?: Date },
  notify: NotifyConfig,
  db: Db = getDb(),
): Promise<DemotionRecord | null> {
  if (!input.category) return null;
  const demotion = await demoteIfBelowThreshold({ category: input.category, thresholds: input.thresholds, now: input.now }, db);
  if (demotion) await notifyDemotion({ category: input.category, demotion, to: notify.to, mailFrom: notify.mailFrom }, notify.mailer, db);
  await recordEligibility({ category: input.category, thresholds: input.thresholds, now: input.now }, db);
  return demotion;
}
