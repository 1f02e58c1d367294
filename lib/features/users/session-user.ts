import { isRole, type Role } from '../../core/roles';

/** The signed-in person as pages, actions and route handlers see them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

interface StoredUser {
  id: string;
  email: string;
  name: string;
  role?: unknown;
  disabledAt?: Date | string | null;
}

/**
 * Narrows a user row (from the session or an API token) to a SessionUser. A disabled user
 * or an unknown role yields null: a stale session must not outlive an admin's decision.
 */
export function toSessionUser(user: StoredUser): SessionUser | null {
  if (user.disabledAt) return null;
  if (!isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
