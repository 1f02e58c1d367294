'use client';

import { useActionState } from 'react';
import { revokeApiTokenAction, type RevokeApiTokenResult } from './actions';

export function RevokeTokenButton({ id }: { id: string }) {
  const [result, formAction, pending] = useActionState<RevokeApiTokenResult, FormData>(revokeApiTokenAction, null);
  return (
    <form action={formAction} className="flex items-center justify-end gap-2">
      <input type="hidden" name="id" value={id} />
      {result && !result.ok && <span className="text-xs text-red-700">{result.error}</span>}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-red-300 px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
      >
        Revoke
      </button>
    </form>
  );
}
