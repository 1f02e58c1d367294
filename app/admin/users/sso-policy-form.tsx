'use client';

import { useActionState } from 'react';
import { Button } from '@/components/button';
import { saveSsoPolicyAction, type SaveSsoPolicyResult } from './actions';

/** One "domain role" per line: who may sign in through the identity provider, and as what. */
export function SsoPolicyForm({ value }: { value: string }) {
  const [result, formAction, pending] = useActionState<SaveSsoPolicyResult, FormData>(saveSsoPolicyAction, null);
  return (
    <form action={formAction} className="space-y-3" aria-label="Single sign-on domains">
      <textarea name="domains" defaultValue={value} rows={4} placeholder={'example.com agent\nleads.example.com manager'} className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm" />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          Save domains
        </Button>
        {result && !result.ok ? (
          <p role="alert" className="text-sm text-red-700">
            {result.fieldErrors?.domains ?? result.error}
          </p>
        ) : null}
        {result?.ok ? (
          <p role="status" className="text-sm text-emerald-700">
            Saved.
          </p>
        ) : null}
      </div>
    </form>
  );
}
