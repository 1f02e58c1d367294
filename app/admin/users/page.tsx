import type { Metadata } from 'next';
import { authSettings, requireUser } from '@/lib/web/auth';
import { getSsoPolicy } from '@/lib/features/sso/sso-policy';
import { listUsers } from '@/lib/features/users/list-users';
import { CreateUserForm } from './create-user-form';
import { getTwoFactorPolicy } from '@/lib/features/users/two-factor-policy';
import { SsoPolicyForm } from './sso-policy-form';
import { TwoFactorPolicyForm } from './two-factor-policy-form';
import { UserStatusButton } from './user-status-button';
import { EditUserForm } from './edit-user-form';
import { isRole } from '@/lib/core/roles';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const admin = await requireUser('admin');
  const users = await listUsers();
  const sso = authSettings().sso;
  const policy = await getSsoPolicy();
  const twoFactor = await getTwoFactorPolicy();
  return (
    <div className="space-y-8">
      <h1 className="text-xl font-semibold">Users</h1>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-4 text-sm font-semibold text-slate-700">Add a user</h2>
        <CreateUserForm />
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-1 text-sm font-semibold text-slate-700">Single sign-on</h2>
        <p className="mb-3 text-sm text-slate-600">
          {sso
            ? `People sign in with ${sso.label}. Only the domains below are admitted; someone new starts with their domain’s role (change it here later).`
            : 'Not set up: set SSO_ISSUER, SSO_CLIENT_ID and SSO_CLIENT_SECRET (README “Single sign-on”). The domains below apply once it is.'}
        </p>
        <SsoPolicyForm value={policy.domains.map((entry) => `${entry.domain} ${entry.role}`).join('\n')} />
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-1 text-sm font-semibold text-slate-700">Two-factor sign-in required for</h2>
        <p className="mb-3 text-sm text-slate-600">
          People of these roles who sign in with a password must set up an authenticator app (Security page) before they can do anything
          else. People signing in through single sign-on follow their provider’s rules.
        </p>
        <TwoFactorPolicyForm requiredFor={twoFactor.requiredFor} />
      </section>
      <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2 font-medium">Name</th>
            <th className="px-3 py-2 font-medium">Email</th>
            <th className="px-3 py-2 font-medium">Role</th>
            <th className="px-3 py-2 font-medium">Status</th>
            <th className="px-3 py-2" />
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2">
                {user.name}
                {isRole(user.role) ? (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-xs font-medium text-brand-700">Edit</summary>
                    <div className="mt-2 w-[36rem] max-w-full">
                      <EditUserForm user={{ id: user.id, name: user.name, email: user.email, role: user.role }} />
                    </div>
                  </details>
                ) : null}
              </td>
              <td className="px-3 py-2 text-slate-600">{user.email}</td>
              <td className="px-3 py-2">{user.role}</td>
              <td className="px-3 py-2">
                {user.disabledAt ? <span className="text-red-700">Disabled</span> : <span className="text-green-700">Active</span>}
              </td>
              <td className="px-3 py-2">
                {user.id !== admin.id && <UserStatusButton userId={user.id} disabled={user.disabledAt !== null} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
