import { getDb, type Db } from '../../platform/db';
import type { DbClient } from '../../platform/db/client';
import { defaultChannels, NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, type NotificationChannel, type NotificationKind } from '../../core/team/notification-kinds';

export type NotificationPreferences = Record<NotificationKind, NotificationChannel[]>;

const known = (channels: string[]): NotificationChannel[] => NOTIFICATION_CHANNELS.filter((channel) => channels.includes(channel));

/** Each kind's channels for one person: what they chose, else the kind's default. */
export async function getNotificationPreferences(userId: string, db: DbClient | Db = getDb()): Promise<NotificationPreferences> {
  const rows = await db.notificationPreference.findMany({ where: { userId } });
  const chosen = new Map(rows.map((row) => [row.kind, known(row.channels)]));
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, chosen.get(kind) ?? defaultChannels(kind)])) as NotificationPreferences;
}

/** Saves every kind's channels at once (the preferences form shows them all). */
export async function setNotificationPreferences(userId: string, preferences: NotificationPreferences, db: Db = getDb()): Promise<void> {
  await db.$transaction(
    NOTIFICATION_KINDS.map((kind) =>
      db.notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, channels: known(preferences[kind]) },
        update: { channels: known(preferences[kind]) },
      }),
    ),
  );
}
