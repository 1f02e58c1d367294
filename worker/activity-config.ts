import type { Env } from '../lib/platform/config/env';
import { withPriceOverrides } from '../lib/platform/llm/price-table';
import { domainOf } from '../lib/platform/mail/addresses';
import { modelBudgetFromEnv } from '../lib/features/settings/model-budget';
import { trustThresholdsFromEnv } from '../lib/features/autonomy/trust-thresholds';
import type { ActivityConfig } from './activities';

/** The slice of the environment activities need, resolved once at worker start. */
export function activityConfigFrom(config: Env): ActivityConfig {
  return {
    classifyModel: config.CLAUDE_CLASSIFY_MODEL,
    draftModel: config.CLAUDE_DRAFT_MODEL,
    verifyModel: config.CLAUDE_VERIFY_MODEL,
    cacheTtl: config.CLAUDE_CACHE_TTL,
    categories: config.CATEGORIES,
    mailFrom: config.MAIL_FROM,
    // Replies may always link to the company's own domain.
    allowedLinkHosts: [...new Set([domainOf(config.MAIL_FROM), ...config.ALLOWED_LINK_HOSTS])],
    escalationEmail: config.ESCALATION_EMAIL,
    autoSendHourlyCapPerSender: config.AUTO_SEND_HOURLY_CAP_PER_SENDER,
    autoSendHourlyCapGlobal: config.AUTO_SEND_HOURLY_CAP_GLOBAL,
    prices: withPriceOverrides(config.CLAUDE_PRICES_JSON),
    modelBudgetDefaults: modelBudgetFromEnv(config),
    evalDataset: config.LANGFUSE_EVAL_DATASET,
    trustThresholds: trustThresholdsFromEnv(config),
    autonomyNotifyEmail: config.AUTONOMY_NOTIFY_EMAIL ?? config.ESCALATION_EMAIL,
  };
}
