import type { Metadata } from 'next';
import { requireUser } from '@/lib/web/auth';
import { getNotificationPreferences } from '@/lib/features/notifications/preferences';
import { hasWebhookUrl } from '@/lib/features/notifications/webhook-url';
import { isAvailable } from '@/lib/features/assignment/set-availability';
import { isRoundRobinEnabled } from '@/lib/features/assignment/round-robin-setting';
import { AvailabilityToggle } from './availability-toggle';
import { PreferencesForm } from './preferences-form';
import { WebhookForm } from './webhook-form';

export const metadata: Metadata = { title: 'Notifications' };
export const dynamic = 'force-dynamic';

/** Each person's notification channels, webhook and round-robin availability. */
export default async function NotificationSettingsPage() {
  const user = await requireUser('agent');
  const [preferences, webhook, available, roundRobin] = await Promise.all([getNotificationPreferences(user.id), hasWebhookUrl(user.id), isAvailable(user.id), isRoundRobinEnabled()]);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-xl font-semibold">Notifications and availability</h1>
      <AvailabilityToggle available={available} roundRobin={roundRobin} />
      <PreferencesForm preferences={preferences} hasWebhook={webhook} email={user.email} />
      <WebhookForm hasWebhook={webhook} />
    </div>
  );
}
