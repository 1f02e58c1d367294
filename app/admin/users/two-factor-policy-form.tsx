'use client';

import { useActionState } from 'react';
import { Button } from '@/components/button';
import { ROLES, type Role } from '@/lib/core/roles';
import { saveTwoFactorPolicyAction, type SaveTwoFactorPolicyResult } from './actions';

/** One checkbox per role: whose password sign-in must use two-factor. */
export function TwoFactorPolicyForm({ requiredFor }: { requiredFor: Role[] }) {
  const [result, formAction, pending] = useActionState<SaveTwoFactorPolicyResult, FormData>(saveTwoFactorPolicyAction, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-4" aria-label="Two-factor requirement">
      {ROLES.map((role) => (
        <label key={role} className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="requiredFor" value={role} defaultChecked={requiredFor.includes(role)} />
          {role}
        </label>
      ))}
      <Button type="submit" variant="primary" disabled={pending}>
        Save
      </Button>
      {result && !result.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {result.error}
        </p>
      ) : null}
      {result?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          Saved.
        </p>
      ) : null}
    </form>
  );
}
