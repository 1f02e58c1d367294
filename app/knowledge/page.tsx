import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClasses } from '@/components/button';
import { hasRole } from '@/lib/core/roles';
import { listArticles } from '@/lib/read/knowledge/list-articles';
import { requireUser } from '@/lib/web/auth';
import { formatDateTime } from '@/lib/web/format';

export const metadata: Metadata = { title: 'Knowledge' };

/** The help-centre articles drafts are written from; managers create and edit them. */
export default async function KnowledgePage() {
  const user = await requireUser();
  const articles = await listArticles();
  const manager = hasRole(user, 'manager');
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <div>
          <h1 className="text-xl font-semibold">Knowledge</h1>
          <p className="mt-1 text-sm text-slate-600">Drafts are written from passages of these articles and cite them; archived articles are never retrieved.</p>
        </div>
        {manager ? (
          <div className="flex gap-2">
            <Link href="/knowledge/gaps" className={buttonClasses('secondary')}>
              Gaps
            </Link>
            <Link href="/knowledge/import" className={buttonClasses('secondary')}>
              Import
            </Link>
            <Link href="/knowledge/new" className={buttonClasses('primary')}>
              New article
            </Link>
          </div>
        ) : null}
      </div>
      <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2 font-medium">Title</th>
            <th className="px-3 py-2 font-medium">Slug</th>
            <th className="px-3 py-2 font-medium">Version</th>
            <th className="px-3 py-2 font-medium">Updated</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((article) => (
            <tr key={article.slug} className="border-t border-slate-100">
              <td className="px-3 py-2">
                <Link href={`/knowledge/${article.slug}`} className="font-medium text-slate-800 hover:underline">
                  {article.title}
                </Link>
                {article.archived ? <span className="ml-2 rounded bg-slate-100 px-1 text-xs text-slate-600">archived</span> : null}
              </td>
              <td className="px-3 py-2 font-mono text-xs text-slate-500">{article.slug}</td>
              <td className="px-3 py-2 text-slate-600">v{article.currentVersion}</td>
              <td className="px-3 py-2 text-slate-600">{formatDateTime(article.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
