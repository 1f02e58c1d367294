'use client';

import { useFormAction } from '@/components/use-form-action';
import { Button } from '@/components/button';
import { ROLES, type Role } from '@/lib/core/roles';
import { resetPasswordAction, updateUserAction, type ResetPasswordResult, type UpdateUserResult } from './actions';

const input = 'mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm';

function Message({ result, done }: { result: UpdateUserResult | ResetPasswordResult; done: string }) {
  if (result?.ok) return <p role="status" className="text-xs text-emerald-700">{done}</p>;
  if (result && !result.ok) return <p role="alert" className="text-xs text-red-700">{Object.values(result.fieldErrors ?? {})[0] ?? result.error}</p>;
  return null;
}

/** An admin's edits of one person: name and role, and a new password. */
export function EditUserForm({ user }: { user: { id: string; name: string; email: string; role: Role } }) {
  const profile = useFormAction<UpdateUserResult>(updateUserAction, null);
  const password = useFormAction<ResetPasswordResult>(resetPasswordAction, null, (r) => r?.ok === true);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <form ref={profile.formRef} onSubmit={profile.onSubmit} className="space-y-2" aria-label={`Name and role of ${user.email}`}>
        <input type="hidden" name="userId" value={user.id} />
        <label className="block text-xs">
          <span className="font-medium text-slate-700">Name</span>
          <input name="name" required maxLength={100} defaultValue={user.name} className={input} />
        </label>
        <label className="block text-xs">
          <span className="font-medium text-slate-700">Role</span>
          <select name="role" defaultValue={user.role} className={input}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" size="sm" variant="primary" disabled={profile.pending}>
          Save
        </Button>
        <Message result={profile.state} done="Saved." />
      </form>
      <form ref={password.formRef} onSubmit={password.onSubmit} className="space-y-2" aria-label={`New password for ${user.email}`}>
        <input type="hidden" name="userId" value={user.id} />
        <label className="block text-xs">
          <span className="font-medium text-slate-700">New password (they are signed out everywhere)</span>
          <input name="password" type="password" required minLength={12} maxLength={128} autoComplete="new-password" className={input} />
        </label>
        <Button type="submit" size="sm" disabled={password.pending}>
          Set password
        </Button>
        <Message result={password.state} done="Password set. Tell them through a channel other than email." />
      </form>
    </div>
  );
}
