import { reassessCategory } from '../../lib/features/autonomy/reassess-category';
import type { ActivityDeps } from './deps';

/** After new trust evidence: switch the category off if it no longer performs, and tell the managers. */
export async function reassessTrust(deps: ActivityDeps, category: string | null): Promise<void> {
  const { db, mailer, config } = deps;
  await reassessCategory(
    { category, thresholds: config.trustThresholds },
    { mailer, mailFrom: config.mailFrom, to: config.autonomyNotifyEmail ?? config.escalationEmail },
    db,
  );
}
