import 'server-only';
import { getDb, type DbClient } from '../../platform/db';
import type { PresentPerson } from '../../core/team/presence';
import { listPresence } from './list-presence';
import { namesOf } from './list-team';

/** What the inbox shows on a row about people: its owner and who has it open now. */
export interface InboxMark {
  ownerName: string | null;
  ownerIsViewer: boolean;
  present: PresentPerson[];
}

/** Marks for one page of rows (two small reads, whatever the page size); the viewer's own presence left out. */
export async function getInboxMarks(rows: { id: string; assigneeId: string | null }[], viewerId: string, db: DbClient = getDb()): Promise<Record<string, InboxMark>> {
  const [presence, names] = await Promise.all([listPresence(rows.map((row) => row.id), db), namesOf(rows.flatMap((row) => (row.assigneeId ? [row.assigneeId] : [])), db)]);
  return Object.fromEntries(
    rows.map((row) => [
      row.id,
      {
        ownerName: row.assigneeId ? (names.get(row.assigneeId) ?? 'Someone') : null,
        ownerIsViewer: row.assigneeId === viewerId,
        present: (presence.get(row.id) ?? []).filter((person) => person.userId !== viewerId),
      },
    ]),
  );
}
