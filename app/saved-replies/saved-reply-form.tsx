'use client';

import { useFormAction } from '@/components/use-form-action';
import { Button } from '@/components/button';
import { SAVED_REPLY_VARIABLES, VARIABLE_MEANING } from '@/lib/core/saved-replies/render-saved-reply';
import { saveSavedReplyAction, type SaveSavedReplyResult } from './actions';

const input = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-slate-500 focus:outline-none';

/** One saved reply's title and text; new when no id is given. */
export function SavedReplyForm({ reply }: { reply?: { id: string; title: string; body: string } }) {
  const { state: result, pending, formRef, onSubmit } = useFormAction<SaveSavedReplyResult>(saveSavedReplyAction, null, (r) => !reply && r?.ok === true);
  const fieldError = (field: string) =>
    result && !result.ok && result.fieldErrors?.[field] ? (
      <span role="alert" className="mt-1 block text-xs text-red-700">
        {result.fieldErrors[field]}
      </span>
    ) : null;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" aria-label={reply ? `Edit ${reply.title}` : 'New saved reply'}>
      <input type="hidden" name="id" value={reply?.id ?? ''} />
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Title</span>
        <input name="title" required maxLength={120} defaultValue={reply?.title} className={input} />
        {fieldError('title')}
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Text</span>
        <textarea name="body" required rows={6} defaultValue={reply?.body} className={`${input} font-mono`} />
        {fieldError('body')}
      </label>
      <p className="text-xs text-slate-600">
        Variables:{' '}
        {SAVED_REPLY_VARIABLES.map((name, index) => (
          <span key={name}>
            {index > 0 ? ', ' : ''}
            <code>{`{{${name}}}`}</code> ({VARIABLE_MEANING[name]})
          </span>
        ))}
        .
      </p>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          {reply ? 'Save changes' : 'Add saved reply'}
        </Button>
        {result?.ok ? (
          <p role="status" className="text-sm text-emerald-700">
            Saved.
          </p>
        ) : null}
        {result && !result.ok && !result.fieldErrors ? (
          <p role="alert" className="text-sm text-red-700">
            {result.error}
          </p>
        ) : null}
      </div>
    </form>
  );
}
