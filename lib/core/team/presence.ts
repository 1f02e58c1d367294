/**
 * Who has a conversation open. A tab says it is there every HEARTBEAT_MS; a tab silent for
 * PRESENCE_TTL_MS (closed, asleep, offline) no longer counts. Client-safe: the browser's
 * heartbeat and the server's expiry read the same numbers.
 */
export const PRESENCE_STATES = ['viewing', 'writing'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

export const HEARTBEAT_MS = 10_000;
/** Three missed heartbeats: a slow network is not a departure. */
export const PRESENCE_TTL_MS = 30_000;

/** One person on a conversation, as others see them (several tabs fold into one). */
export interface PresentPerson {
  userId: string;
  name: string;
  state: PresenceState;
  /** When their newest heartbeat stops counting. */
  expiresAt: string;
}
