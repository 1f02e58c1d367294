'use client';

import { useActionState } from 'react';
import { deleteMailboxAction, type DeleteMailboxResult } from './actions';

export function DeleteMailboxButton({ id, address }: { id: string; address: string }) {
  const [result, formAction, pending] = useActionState<DeleteMailboxResult, FormData>(deleteMailboxAction, null);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(`Remove ${address}? Its conversations stay; their replies will leave from the default address.`)) event.preventDefault();
      }}
      className="flex items-center gap-2"
    >
      <input type="hidden" name="id" value={id} />
      {result && !result.ok ? <span className="text-xs text-red-700">{result.error}</span> : null}
      <button type="submit" disabled={pending} className="rounded-md border border-red-300 px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 disabled:opacity-60">
        Remove
      </button>
    </form>
  );
}
