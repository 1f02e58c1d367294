import 'server-only';
import { z } from 'zod';
import type { InboxSort } from '../../core/conversation/inbox-params';
import type { Position } from './inbox-order';

/**
 * Opaque page cursors: the sort they belong to and the last row's position, base64url JSON.
 * A cursor from another sort, or a mangled one, reads as "first page" rather than an error.
 */
const cursorSchema = z.object({
  s: z.string(),
  i: z.number().int().min(0).max(20),
  v: z.iso.datetime({ offset: true }),
  id: z.string().min(1).max(300),
});

export function encodeCursor(sort: InboxSort, position: Position): string {
  const payload = { s: sort, i: position.segment, v: position.value.toISOString(), id: position.id };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export function decodeCursor(sort: InboxSort, cursor: string | undefined): Position | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (!parsed.success || parsed.data.s !== sort) return undefined;
    return { segment: parsed.data.i, value: new Date(parsed.data.v), id: parsed.data.id };
  } catch {
    return undefined;
  }
}
