import { generateId } from 'better-auth';
import { hashPassword } from 'better-auth/crypto';
import type { Db, DbClient } from '../../platform/db/client';
import { recordAudit } from '../audit/record-audit';
import type { Role } from '../../core/roles';
import { UserError } from './user-error';
import { getDb } from '../../platform/db';

export interface CreateUserOptions {
  email: string;
  name: string;
  role: Role;
  password: string;
  /** The admin creating the user; null for the CLI and start-up bootstrap. */
  actorId: string | null;
}

export interface CreatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * Creates a user with an email + password credential in the shape better-auth signs in
 * against (a `credential` account whose accountId is the user id, scrypt hash from the
 * library itself), since public sign-up is disabled.
 */
export async function createUser(options: CreateUserOptions, db: Db = getDb()): Promise<CreatedUser> {
  const passwordHash = await hashPassword(options.password);
  return db.$transaction((tx) => insertUser(options, passwordHash, tx));
}

/** createUser's writes inside the caller's transaction (the password already hashed: slow, outside it). */
export async function insertUser(options: CreateUserOptions, passwordHash: string, tx: DbClient): Promise<CreatedUser> {
  const email = options.email.trim().toLowerCase();
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new UserError('email_taken');
  const user = await tx.user.create({
    data: { email, name: options.name, role: options.role, emailVerified: true },
    select: { id: true, email: true, name: true },
  });
  await tx.account.create({
    data: { id: generateId(), accountId: user.id, providerId: 'credential', userId: user.id, password: passwordHash },
  });
  await recordAudit({
    actorId: options.actorId,
    action: 'user.create',
    target: `user:${user.id}`,
    after: { email, name: options.name, role: options.role },
  }, tx);
  return { ...user, role: options.role };
}
