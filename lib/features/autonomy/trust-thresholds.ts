import { env, type Env } from '../../platform/config/env';
import type { TrustThresholds } from '../../core/policy/trust';

type ThresholdEnv = Pick<
  Env,
  | 'AUTONOMY_MIN_DECISIONS'
  | 'AUTONOMY_WINDOW_DAYS'
  | 'AUTONOMY_HALF_LIFE_DAYS'
  | 'AUTONOMY_PROMOTE_AT'
  | 'AUTONOMY_DEMOTE_BELOW'
  | 'AUTONOMY_RECENT_DECISIONS'
  | 'AUTONOMY_MIN_RECENT_DECISIONS'
>;

/** The trust thresholds of this installation (AUTONOMY_* in .env.example). */
export function trustThresholdsFromEnv(config: ThresholdEnv = env()): TrustThresholds {
  return {
    minDecisions: config.AUTONOMY_MIN_DECISIONS,
    windowDays: config.AUTONOMY_WINDOW_DAYS,
    halfLifeDays: config.AUTONOMY_HALF_LIFE_DAYS,
    promoteAt: config.AUTONOMY_PROMOTE_AT,
    demoteBelow: config.AUTONOMY_DEMOTE_BELOW,
    recentDecisions: config.AUTONOMY_RECENT_DECISIONS,
    minRecentDecisions: config.AUTONOMY_MIN_RECENT_DECISIONS,
  };
}
