import { z } from 'zod';
import type { Actor } from '../../core/contract';
import { hasRole, roleSchema, type Role } from '../../core/roles';
import { getDb, type Db, type DbClient } from '../../platform/db';
import { recordAudit } from '../audit/record-audit';
import { SettingsError } from '../settings/settings-error';

export const SSO_POLICY_KEY = 'sso_policy';

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/, 'Enter a domain such as example.com.');

/**
 * Who may sign in through the company's identity provider, and as what: an email domain per
 * line with the role a new person from it gets. A domain not listed is refused.
 */
export const ssoPolicySchema = z.object({
  domains: z.array(z.object({ domain, role: roleSchema })).max(50),
});
export type SsoPolicy = z.output<typeof ssoPolicySchema>;

export async function getSsoPolicy(db: DbClient = getDb()): Promise<SsoPolicy> {
  const row = await db.setting.findUnique({ where: { key: SSO_POLICY_KEY } });
  const parsed = ssoPolicySchema.safeParse(row?.value ?? { domains: [] });
  // Fail closed: an unreadable policy lets nobody in through SSO.
  return parsed.success ? parsed.data : { domains: [] };
}

/** The role a person with this (verified) email gets, or undefined: their domain is not admitted. */
export function roleForEmail(policy: SsoPolicy, email: string): Role | undefined {
  const at = email.lastIndexOf('@');
  if (at < 0) return undefined;
  const host = email.slice(at + 1).toLowerCase();
  return policy.domains.find((entry) => entry.domain === host)?.role;
}

export async function updateSsoPolicy(actor: Actor, policy: SsoPolicy, db: Db = getDb()): Promise<SsoPolicy> {
  if (!hasRole(actor, 'admin')) throw new SettingsError('forbidden', 'Only admins can change single sign-on.');
  return db.$transaction(async (tx) => {
    const before = await getSsoPolicy(tx);
    await tx.setting.upsert({ where: { key: SSO_POLICY_KEY }, create: { key: SSO_POLICY_KEY, value: policy }, update: { value: policy } });
    await recordAudit({ actorId: actor.id, action: 'settings.sso_policy', target: 'setting:sso_policy', before, after: policy }, tx);
    return policy;
  });
}

/** The admin form: one "domain role" pair per line (e.g. "example.com agent"). */
export const ssoPolicyFormSchema = z
  .object({ domains: z.string().max(5000) })
  .transform((form, context) => {
    const domains = form.domains
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [name = '', role = 'agent'] = line.split(/[\s,]+/);
        return { domain: name, role };
      });
    const parsed = ssoPolicySchema.safeParse({ domains });
    if (!parsed.success) {
      context.addIssue({ code: 'custom', path: ['domains'], message: 'One "domain role" per line, e.g. "example.com agent"; roles are agent, manager or admin.' });
      return z.NEVER;
    }
    return parsed.data;
  });
