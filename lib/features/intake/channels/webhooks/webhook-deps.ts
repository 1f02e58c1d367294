import { env, type Env } from '../../../../platform/config/env';
import { getDb } from '../../../../platform/db';
import { processHandOff } from '../../hand-off';
import { getTemporalClient } from '../../../../platform/temporal/shared-client';
import type { AcceptInboundDeps } from '../../accept-inbound';

export type WebhookConfig = Pick<
  Env,
  'INBOUND_MAX_BYTES' | 'TEMPORAL_TASK_QUEUE' | 'POSTMARK_INBOUND_USER' | 'POSTMARK_INBOUND_PASSWORD' | 'SENDGRID_PARSE_PUBLIC_KEY' | 'SENDGRID_PARSE_TOKEN' | 'MAILGUN_SIGNING_KEY'
>;

export type WebhookDeps = AcceptInboundDeps & { config: WebhookConfig; now?: () => number };

/** This process's database, Temporal client, configuration and hand-off (signals after the answer). */
export function processWebhookDeps(): WebhookDeps {
  return { db: getDb(), getClient: getTemporalClient, config: env(), handOff: processHandOff() };
}
