'use client';

import { useFormAction } from '@/components/use-form-action';
import { Button } from '@/components/button';
import { createApiTokenAction, type CreateApiTokenResult } from './actions';

const input = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-slate-500 focus:outline-none';

interface CreateTokenFormProps {
  users: { id: string; label: string }[];
  defaultUserId: string;
}

export function CreateTokenForm({ users, defaultUserId }: CreateTokenFormProps) {
  const { state: result, pending, formRef, onSubmit } = useFormAction<CreateApiTokenResult>(createApiTokenAction, null, (r) => r?.ok === true);
  return (
    <div className="space-y-4">
      <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <label className="text-sm">
          <span className="font-medium text-slate-700">Name</span>
          <input name="name" required placeholder="e.g. helpdesk import" className={input} />
          {result && !result.ok && result.fieldErrors?.name && (
            <span className="mt-1 block text-xs text-red-700">{result.fieldErrors.name}</span>
          )}
        </label>
        <label className="text-sm">
          <span className="font-medium text-slate-700">Acts as</span>
          <select name="userId" defaultValue={defaultUserId} className={input}>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.label}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Creating…' : 'Create token'}
        </Button>
      </form>
      {result && !result.ok && !result.fieldErrors && (
        <p role="alert" className="text-sm text-red-700">
          {result.error}
        </p>
      )}
      {result?.ok && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium text-amber-900">Copy the token for “{result.data.name}” now: it will not be shown again.</p>
          <code className="mt-2 block select-all break-all rounded bg-white px-2 py-1 font-mono text-xs">{result.data.token}</code>
        </div>
      )}
    </div>
  );
}
