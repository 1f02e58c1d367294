'use client';

import { useRouter } from 'next/navigation';
import { useRef, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { INBOX_SORTS, inboxQueryString, type InboxParams, type InboxSort } from '@/lib/core/conversation/inbox-params';
import { queueStatuses } from '@/lib/core/conversation/queues';
import { CONVERSATION_STATUSES, statusLabel, type ConversationStatus } from '@/lib/core/conversation/statuses';

/**
 * Search, category, status and order. A plain GET form (works without JavaScript); with
 * JavaScript it navigates client-side and selects apply as soon as they change.
 */
export function InboxToolbar({ params, categories, mailboxes = [] }: { params: InboxParams; categories: string[]; mailboxes?: { id: string; label: string }[] }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const tabStatuses = queueStatuses(params.queue);

  const apply = (event?: FormEvent) => {
    event?.preventDefault();
    if (!form.current) return;
    const data = new FormData(form.current);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
    };
    const query = inboxQueryString({
      queue: params.queue,
      sort: (text('sort') as InboxSort | undefined) ?? params.sort,
      category: text('category'),
      mailbox: text('mailbox'),
      status: text('status') as ConversationStatus | undefined,
      tag: text('tag'),
      q: text('q'),
    });
    router.push(`/${query}`);
  };

  const select = 'rounded-md border-0 py-1.5 pl-2 pr-7 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500';
  return (
    <form ref={form} action="/" method="get" onSubmit={apply} role="search" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="queue" value={params.queue} />
      <label className="flex min-w-56 flex-1 flex-col gap-1 text-xs font-medium text-slate-600">
        Search mail
        <input
          id="inbox-search"
          type="search"
          name="q"
          defaultValue={params.q ?? ''}
          placeholder={'words, "a phrase", -without, a sender  ( / )'}
          className="rounded-md border-0 px-2 py-1.5 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-500"
        />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        Category
        <select name="category" defaultValue={params.category ?? ''} onChange={() => apply()} className={select}>
          <option value="">All categories</option>
          {categories.map((category) => (
            <option key={category} value={category}>
              {category}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        Tag
        <input
          type="text"
          name="tag"
          defaultValue={params.tag ?? ''}
          placeholder="any"
          className="w-28 rounded-md border-0 px-2 py-1.5 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500"
        />
      </label>
      {mailboxes.length > 0 ? (
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Mailbox
          <select name="mailbox" defaultValue={params.mailbox ?? ''} onChange={() => apply()} className={select}>
            <option value="">All mailboxes</option>
            {mailboxes.map((mailbox) => (
              <option key={mailbox.id} value={mailbox.id}>
                {mailbox.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {tabStatuses.length === 1 ? null : (
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Status
          <select name="status" defaultValue={params.status ?? ''} onChange={() => apply()} className={select}>
            <option value="">Any status</option>
            {(tabStatuses.length ? tabStatuses : CONVERSATION_STATUSES).map((status) => (
              <option key={status} value={status}>
                {statusLabel(status)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        Sort by
        <select name="sort" defaultValue={params.sort} onChange={() => apply()} className={select}>
          {INBOX_SORTS.map((sort) => (
            <option key={sort.key} value={sort.key}>
              {sort.label}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit">Search</Button>
    </form>
  );
}
