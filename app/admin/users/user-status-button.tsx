'use client';

import { useActionState } from 'react';
import { setUserDisabledAction, type SetUserDisabledResult } from './actions';

interface UserStatusButtonProps {
  userId: string;
  disabled: boolean;
}

export function UserStatusButton({ userId, disabled }: UserStatusButtonProps) {
  const [result, formAction, pending] = useActionState<SetUserDisabledResult, FormData>(setUserDisabledAction, null);
  return (
    <form action={formAction} className="flex items-center justify-end gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
      {result && !result.ok && <span className="text-xs text-red-700">{result.error}</span>}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60"
      >
        {disabled ? 'Enable' : 'Disable'}
      </button>
    </form>
  );
}
