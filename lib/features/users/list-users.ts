import type { DbClient } from '../../platform/db/client';
import { getDb } from '../../platform/db';

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: string;
  disabledAt: Date | null;
  createdAt: Date;
}

export async function listUsers(db: DbClient = getDb()): Promise<UserSummary[]> {
  return db.user.findMany({
    orderBy: [{ disabledAt: 'asc' }, { email: 'asc' }],
    select: { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true },
  });
}
