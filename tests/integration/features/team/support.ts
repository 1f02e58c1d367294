import type { Db } from '../../../../lib/platform/db/client';

let people = 0;

/** A person on the team (no password: these tests never sign in). */
export async function seedPerson(db: Db, fields: { name: string; role?: string; disabled?: boolean; available?: boolean }): Promise<string> {
  people += 1;
  const user = await db.user.create({
    data: {
      email: `${fields.name.toLowerCase().replace(/\s+/g, '.')}.${people}@team.test`,
      name: fields.name,
      role: fields.role ?? 'agent',
      disabledAt: fields.disabled ? new Date() : null,
    },
  });
  if (fields.available !== undefined) await db.agentAvailability.create({ data: { userId: user.id, available: fields.available } });
  return user.id;
}
