import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../../platform/db/client';
import type { Role } from '../../core/roles';
import { createUser } from './create-user';
import { setUserPassword } from './set-user-password';
import { getDb } from '../../platform/db';

export const DEMO_AGENT_EMAIL = 'agent@countersign.local';
export const DEMO_CREDENTIALS_FILE = 'demo-credentials.json';

export interface DemoCredentials {
  email: string;
  password: string;
}

export interface EnsureDemoAgentOptions {
  /** Where the generated password is kept (mode 0600) so every demo run prints the same one. */
  dataDir: string;
  role?: Role;
}

const storedSchema = z.object({ email: z.email(), password: z.string().min(12) });

/**
 * The demo's sign-in: a random password per install rather than a well-known one, so a
 * demo left running on a reachable machine is not an open door.
 */
export async function ensureDemoAgent({ dataDir, role = 'agent' }: EnsureDemoAgentOptions, db: Db = getDb()): Promise<DemoCredentials> {
  const file = path.join(dataDir, DEMO_CREDENTIALS_FILE);
  const stored = readStored(file);
  const user = await db.user.findUnique({ where: { email: DEMO_AGENT_EMAIL }, select: { id: true } });
  if (user && stored?.email === DEMO_AGENT_EMAIL) return stored;

  const credentials = { email: DEMO_AGENT_EMAIL, password: randomBytes(12).toString('base64url') };
  if (user) await setUserPassword({ userId: user.id, password: credentials.password, actorId: null }, db);
  else await createUser({ ...credentials, name: 'Demo Agent', role, actorId: null }, db);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}

function readStored(file: string): DemoCredentials | null {
  if (!existsSync(file)) return null;
  const parsed = storedSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : null;
}
