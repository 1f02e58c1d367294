'use client';

import Link from 'next/link';
import { useFormAction } from '@/components/use-form-action';
import { Button } from '@/components/button';
import { changeOwnPasswordAction, type ChangePasswordResult } from './actions';

const input = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm';

/** Current password, then the new one twice. */
export function ChangePasswordForm() {
  const { state: result, pending, formRef, onSubmit } = useFormAction<ChangePasswordResult>(changeOwnPasswordAction, null, (r) => r?.ok === true);
  const fieldError = (field: string) =>
    result && !result.ok && result.fieldErrors?.[field] ? <span className="mt-1 block text-xs text-red-700">{result.fieldErrors[field]}</span> : null;
  if (result?.ok) {
    return (
      <p role="status" className="text-sm text-emerald-700">
        Password changed. You are signed out everywhere: <Link href="/sign-in" className="underline">sign in</Link> with the new one.
      </p>
    );
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" aria-label="Change your password">
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Current password</span>
        <input name="currentPassword" type="password" required autoComplete="current-password" className={input} />
        {fieldError('currentPassword')}
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">New password (at least 12 characters)</span>
        <input name="newPassword" type="password" required minLength={12} maxLength={128} autoComplete="new-password" className={input} />
        {fieldError('newPassword')}
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">New password again</span>
        <input name="confirmPassword" type="password" required autoComplete="new-password" className={input} />
        {fieldError('confirmPassword')}
      </label>
      <Button type="submit" variant="primary" disabled={pending}>
        Change password
      </Button>
      {result && !result.ok && !result.fieldErrors ? (
        <p role="alert" className="text-sm text-red-700">
          {result.error}
        </p>
      ) : null}
    </form>
  );
}
