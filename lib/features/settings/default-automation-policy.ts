import type { Env } from '../../platform/config/env';
import type { AutomationPolicy } from '../../core/contract';

export type AutomationPolicyEnv = Pick<
  Env,
  | 'AUTO_SEND_ENABLED'
  | 'AUTO_SEND_CATEGORIES'
  | 'APPROVED_ANSWERS_ONLY_CATEGORIES'
  | 'AUTO_SEND_MAX_RISK'
  | 'AUTO_SEND_MIN_CONFIDENCE'
  | 'AUTO_SEND_HOLD_SECONDS'
  | 'REVIEW_SLA_MINUTES'
  | 'CONVERSATION_IDLE_HOURS'
>;

/** The policy before any manager has saved one: straight from the environment. */
export function automationPolicyFromEnv(config: AutomationPolicyEnv): AutomationPolicy {
  return {
    autoSendEnabled: config.AUTO_SEND_ENABLED,
    autoSendCategories: [...config.AUTO_SEND_CATEGORIES],
    approvedAnswersOnlyCategories: [...config.APPROVED_ANSWERS_ONLY_CATEGORIES],
    maxRiskScore: config.AUTO_SEND_MAX_RISK,
    minConfidence: config.AUTO_SEND_MIN_CONFIDENCE,
    holdSeconds: config.AUTO_SEND_HOLD_SECONDS,
    reviewSlaMinutes: config.REVIEW_SLA_MINUTES,
    idleCloseHours: config.CONVERSATION_IDLE_HOURS,
  };
}
