/**
 * What a person can be told about, and where. The one list: the notifier, the preferences
 * page and the bell read it. Client-safe.
 */
export const NOTIFICATION_KINDS = ['mention', 'assignment', 'escalation', 'needs_person', 'sla_reminder', 'sla_breach', 'demotion', 'digest'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** In the app (the bell), by email, or through the person's Slack-compatible webhook. */
export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'webhook'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  mention: 'Someone mentions you in a note',
  assignment: 'A conversation is assigned to you',
  escalation: 'A draft waited past the review deadline',
  needs_person: 'Claude could not draft a reply',
  sla_reminder: 'A reply is due soon',
  sla_breach: 'A reply is overdue',
  demotion: 'A category lost auto-send',
  digest: 'The daily digest',
};

export const NOTIFICATION_CHANNEL_LABELS: Record<NotificationChannel, string> = {
  in_app: 'In the app',
  email: 'Email',
  webhook: 'Webhook (Slack)',
};

/** Until a person chooses: everything in the app, nothing sent elsewhere. */
export function defaultChannels(_kind: NotificationKind): NotificationChannel[] {
  return ['in_app'];
}

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
