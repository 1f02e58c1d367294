import 'server-only';
import { getDb, type DbClient } from '../../platform/db';

/** Conversations waiting for a person to write the reply (Claude could not): the Needs-a-person gauge. */
export async function countNeedsPerson(db: DbClient = getDb()): Promise<number> {
  return db.conversation.count({ where: { status: 'needs_person' } });
}
