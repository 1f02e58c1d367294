'use client';

import { useState } from 'react';
import { useFormAction } from '@/components/use-form-action';
import { Button } from '@/components/button';
import { requestErasureAction, type RequestErasureResult } from './actions';

const input = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-slate-500 focus:outline-none';

/** The address twice and an explicit confirmation: erasure cannot be undone. */
export function ErasureForm() {
  const [confirmed, setConfirmed] = useState(false);
  const { state: result, pending, formRef, onSubmit } = useFormAction<RequestErasureResult>(requestErasureAction, null, (r) => r?.ok === true);
  return (
    <div className="space-y-4">
      <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2">
        <label className="text-sm">
          <span className="font-medium text-slate-700">Customer’s email address</span>
          <input name="address" type="email" required autoComplete="off" className={input} />
          {result && !result.ok && result.fieldErrors?.address && <span className="mt-1 block text-xs text-red-700">{result.fieldErrors.address}</span>}
        </label>
        <label className="text-sm">
          <span className="font-medium text-slate-700">The same address again</span>
          <input name="confirmAddress" type="email" required autoComplete="off" className={input} />
          {result && !result.ok && result.fieldErrors?.confirmAddress && (
            <span className="mt-1 block text-xs text-red-700">{result.fieldErrors.confirmAddress}</span>
          )}
        </label>
        <label className="flex items-start gap-2 text-sm sm:col-span-2">
          <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} className="mt-1" />
          <span>
            I understand that every conversation, message, draft, attachment, evaluation example, LangFuse trace and workflow history of this
            customer is deleted for good, and that only a hash of the address and the counts are kept.
          </span>
        </label>
        <div className="sm:col-span-2">
          <Button type="submit" variant="danger" disabled={pending || !confirmed}>
            {pending ? 'Starting…' : 'Erase this customer'}
          </Button>
        </div>
      </form>
      {result && !result.ok && !result.fieldErrors && (
        <p role="alert" className="text-sm text-red-700">
          {result.error}
        </p>
      )}
      {result?.ok && <p className="text-sm text-slate-700">Erasure {result.data.erasureId} started; its progress is listed below.</p>}
    </div>
  );
}
