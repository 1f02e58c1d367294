import type Anthropic from '@anthropic-ai/sdk';
import type { Db } from '../../lib/platform/db/client';
import type { PriceTable } from '../../lib/platform/llm/price-table';
import type { LlmObserver } from '../../lib/platform/llm/observer';
import type { Mailer } from '../../lib/platform/mail/mailer';
import type { BlobStore } from '../../lib/platform/storage/blob-store';
import type { MailboxMailers } from '../../lib/features/mailboxes/mailbox-mailers';
import type { ModelBudget } from '../../lib/core/policy/model-budget';
import type { PromptSource } from '../../lib/features/prompts/prompt-source';
import type { TrustThresholds } from '../../lib/core/policy/trust';
import type { LangfuseApi } from '../../lib/platform/observability/langfuse-api';
import type { WorkflowHistoryEraser } from '../../lib/features/erasure/erase-workflow-histories';

/** Everything activities touch, built once by the worker; tests pass fakes. */
export interface ActivityDeps {
  db: Db;
  claude: Anthropic;
  mailer: Mailer;
  observer: LlmObserver;
  config: ActivityConfig;
  /** Where prompt texts come from (LangFuse when configured); default: the code's. */
  prompts?: PromptSource;
  /** Each mailbox's From and relay; absent: every reply uses `mailer` and MAIL_FROM. */
  senders?: MailboxMailers;
  /** Where files attached to replies are kept; needed only when a reply carries one. */
  blobs?: BlobStore;
  /** Erasure and retention: terminates and deletes conversations' workflow histories. */
  temporal?: WorkflowHistoryEraser;
  /** Erasure and retention: deletes traces and dataset items; absent when LangFuse is off. */
  langfuse?: LangfuseApi;
}

export interface ActivityConfig {
  classifyModel: string;
  draftModel: string;
  /** The second check of a draft (CLAUDE_VERIFY_MODEL); default the classify model. */
  verifyModel?: string;
  /** Lifetime of the cached prompt prefixes (CLAUDE_CACHE_TTL, 1h unless set; the API's own default is 5m). */
  cacheTtl?: '5m' | '1h';
  categories: string[];
  /** The From header of replies, e.g. "Support <support@example.com>". */
  mailFrom: string;
  /** Hosts a reply may link to without review. */
  allowedLinkHosts: string[];
  /** Where escalation notices go; none means the timeline only. */
  escalationEmail?: string;
  autoSendHourlyCapPerSender: number;
  autoSendHourlyCapGlobal: number;
  prices?: PriceTable;
  /** Spend caps until a manager saves some in settings (MODEL_BUDGET_*_USD). */
  modelBudgetDefaults?: ModelBudget;
  /** The dataset agents' edits and rejects become examples of (LANGFUSE_EVAL_DATASET). */
  evalDataset?: string;
  /** When a category earns auto-send and when it loses it (AUTONOMY_*); default the built-in ones. */
  trustThresholds?: TrustThresholds;
  /** Where a demotion is emailed (AUTONOMY_NOTIFY_EMAIL, else escalationEmail). */
  autonomyNotifyEmail?: string;
}
