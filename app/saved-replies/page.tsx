import type { Metadata } from 'next';
import { requireUser } from '@/lib/web/auth';
import { listSavedReplies } from '@/lib/features/saved-replies/list-saved-replies';
import { ArchiveButton } from './archive-button';
import { SavedReplyForm } from './saved-reply-form';

export const metadata: Metadata = { title: 'Saved replies' };

/** Managers write, edit and archive the replies agents insert with Ctrl+/; each shows how often it was used. */
export default async function SavedRepliesPage() {
  await requireUser('manager');
  const replies = await listSavedReplies({ includeArchived: true });
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Saved replies</h1>
      <p className="text-sm text-slate-600">
        Agents insert these into a reply or a draft with <kbd>Ctrl</kbd>+<kbd>/</kbd>, or send one to Claude as revision instructions.
      </p>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 text-sm font-semibold text-slate-700">Add a saved reply</h2>
        <SavedReplyForm />
      </section>
      <ul className="space-y-3" aria-label="Saved replies">
        {replies.map((reply) => (
          <li key={reply.id} className="rounded-lg border border-slate-200 bg-white p-4" aria-label={reply.title}>
            <div className="mb-2 flex flex-wrap items-center gap-3 text-sm">
              <span className="font-semibold">{reply.title}</span>
              <span className="text-slate-600" data-testid="use-count">
                Used {reply.useCount} {reply.useCount === 1 ? 'time' : 'times'}
              </span>
              {reply.archivedAt ? <span className="text-slate-500">Archived</span> : null}
              <span className="ml-auto">
                <ArchiveButton id={reply.id} archived={reply.archivedAt !== null} />
              </span>
            </div>
            <details>
              <summary className="cursor-pointer text-xs font-medium text-slate-600">Edit</summary>
              <div className="mt-2">
                <SavedReplyForm reply={reply} />
              </div>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
