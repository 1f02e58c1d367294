'use client';

import { useFormAction } from '@/components/use-form-action';
import { ROLES } from '@/lib/core/roles';
import { Button } from '@/components/button';
import { createUserAction, type CreateUserResult } from './actions';

const input = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-slate-500 focus:outline-none';

export function CreateUserForm() {
  const { state: result, pending, formRef, onSubmit } = useFormAction<CreateUserResult>(createUserAction, null, (r) => r?.ok === true);
  const fieldError = (field: string) =>
    result && !result.ok && result.fieldErrors?.[field] ? (
      <span className="mt-1 block text-xs text-red-700">{result.fieldErrors[field]}</span>
    ) : null;

  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2">
      <label className="text-sm">
        <span className="font-medium text-slate-700">Name</span>
        <input name="name" required className={input} />
        {fieldError('name')}
      </label>
      <label className="text-sm">
        <span className="font-medium text-slate-700">Email</span>
        <input name="email" type="email" required autoComplete="off" className={input} />
        {fieldError('email')}
      </label>
      <label className="text-sm">
        <span className="font-medium text-slate-700">Role</span>
        <select name="role" defaultValue="agent" className={input}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
        {fieldError('role')}
      </label>
      <label className="text-sm">
        <span className="font-medium text-slate-700">Initial password</span>
        <input name="password" type="password" required minLength={12} autoComplete="new-password" className={input} />
        {fieldError('password')}
      </label>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Creating…' : 'Create user'}
        </Button>
        {result?.ok && <p className="text-sm text-green-700">Created {result.data.email}.</p>}
        {result && !result.ok && (
          <p role="alert" className="text-sm text-red-700">
            {result.error}
          </p>
        )}
      </div>
    </form>
  );
}
