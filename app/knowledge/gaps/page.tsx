import type { Metadata } from 'next';
import Link from 'next/link';
import { listKnowledgeGaps, type KnowledgeGap } from '@/lib/read/knowledge/list-gaps';
import { requireUser } from '@/lib/web/auth';
import { formatDateTime } from '@/lib/web/format';

export const metadata: Metadata = { title: 'Knowledge gaps' };

function reason(gap: KnowledgeGap): string {
  switch (gap.kind) {
    case 'nothing_retrieved':
      return 'No passage matched the email';
    case 'nothing_cited':
      return 'The draft cited none of the passages it was given';
    case 'rewritten':
      return `The agent rewrote ${Math.round((gap.rewritten ?? 0) * 100)}% of the draft`;
  }
}

/** Questions the knowledge base did not answer in the last 30 days: candidates for new articles. */
export default async function KnowledgeGapsPage() {
  await requireUser('manager');
  const gaps = await listKnowledgeGaps();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Knowledge gaps</h1>
        <p className="mt-1 text-sm text-slate-600">Emails of the last 30 days the articles did not answer, or whose drafts agents rewrote most: likely missing articles.</p>
      </div>
      <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2 font-medium">Email</th>
            <th className="px-3 py-2 font-medium">Category</th>
            <th className="px-3 py-2 font-medium">Why</th>
            <th className="px-3 py-2 font-medium">When</th>
          </tr>
        </thead>
        <tbody>
          {gaps.map((gap) => (
            <tr key={`${gap.conversationId}:${gap.draftVersion}:${gap.kind}`} className="border-t border-slate-100">
              <td className="px-3 py-2">
                <Link href={`/conversations/${encodeURIComponent(gap.conversationId)}`} className="hover:underline">
                  {gap.subject || '(no subject)'}
                </Link>
              </td>
              <td className="px-3 py-2 text-slate-600">{gap.category ?? '—'}</td>
              <td className="px-3 py-2 text-slate-600">{reason(gap)}</td>
              <td className="px-3 py-2 text-slate-600">{formatDateTime(gap.at)}</td>
            </tr>
          ))}
          {gaps.length === 0 ? (
            <tr>
              <td colSpan={4} className="px-3 py-6 text-center text-slate-500">
                No gaps in the last 30 days.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
