'use client';

import Link from 'next/link';
import { startTransition, useActionState, useState } from 'react';
import { Badge } from '@/components/badge';
import { Button } from '@/components/button';
import { tagConversationsAction } from '@/app/_components/inbox-actions';

/**
 * The classifier's category beside the tags people set; each tag links to the inbox filtered
 * by it. Adding or removing is one audited change.
 */
export function TagEditor({ conversationId, category, tags }: { conversationId: string; category: string | null; tags: string[] }) {
  const [outcome, dispatch, pending] = useActionState(tagConversationsAction, null);
  const [text, setText] = useState('');
  const change = (add: string[], remove: string[]) => startTransition(() => dispatch({ conversationIds: [conversationId], add, remove }));
  return (
    <section aria-label="Tags" className="space-y-2 rounded-md bg-white p-3 text-sm ring-1 ring-inset ring-slate-200">
      <div className="flex flex-wrap items-center gap-2">
        {category ? <Badge>{category}</Badge> : null}
        {tags.map((tag) => (
          <span key={tag} className="inline-flex items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
            <Link href={`/?queue=all&tag=${encodeURIComponent(tag)}`}>#{tag}</Link>
            <button type="button" aria-label={`Remove tag ${tag}`} disabled={pending} onClick={() => change([], [tag])} className="text-slate-500 hover:text-slate-900">
              ×
            </button>
          </span>
        ))}
      </div>
      <form
        className="flex items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim()) change([text], []);
          setText('');
        }}
      >
        <label className="sr-only" htmlFor="add-tag">
          Add a tag
        </label>
        <input id="add-tag" value={text} onChange={(event) => setText(event.target.value)} placeholder="Add a tag" className="w-32 rounded border border-slate-300 px-2 py-1 text-xs" />
        <Button type="submit" variant="secondary" size="sm" disabled={pending || !text.trim()}>
          Tag
        </Button>
      </form>
      {outcome && !outcome.ok ? (
        <p role="alert" className="text-red-800">
          {outcome.fieldErrors ? Object.values(outcome.fieldErrors)[0] : outcome.error}
        </p>
      ) : null}
    </section>
  );
}
