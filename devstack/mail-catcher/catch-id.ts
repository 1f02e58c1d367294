import { randomBytes } from 'node:crypto';

// Ids are file names, so they double as the only thing that can reach the file system from
// an HTTP path. The strict pattern is the path-traversal guard.
const CATCH_ID_PATTERN = /^\d{13}-[0-9a-f]{8}$/;

let lastMillis = 0;

/**
 * A time-sortable id: 13-digit epoch millis plus random hex. Millis are forced to increase
 * within this process so two messages caught in the same millisecond still sort in arrival
 * order; the random part keeps ids unique if another process writes to the same folder.
 */
export function newCatchId(now: number = Date.now()): string {
  lastMillis = Math.max(now, lastMillis + 1);
  return `${String(lastMillis).padStart(13, '0')}-${randomBytes(4).toString('hex')}`;
}

export function isCatchId(value: string): boolean {
  return CATCH_ID_PATTERN.test(value);
}
