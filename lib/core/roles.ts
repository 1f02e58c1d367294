import { z } from 'zod';

/** Who may do what: agents decide drafts, managers also tune policy, admins manage people. */
export type Role = 'agent' | 'manager' | 'admin';

/** Lowest to highest; a role includes everything the roles before it may do. */
export const ROLES = ['agent', 'manager', 'admin'] as const satisfies readonly Role[];

export const roleSchema = z.enum(ROLES);

export function isRole(value: unknown): value is Role {
  return roleSchema.safeParse(value).success;
}

export function hasRole(user: { role: Role }, minRole: Role): boolean {
  return ROLES.indexOf(user.role) >= ROLES.indexOf(minRole);
}
