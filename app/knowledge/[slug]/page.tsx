import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { isNotFoundError } from '@/lib/core/errors';
import { hasRole } from '@/lib/core/roles';
import { getArticleOrThrow } from '@/lib/read/knowledge/get-article';
import { requireUser } from '@/lib/web/auth';
import { formatDateTime } from '@/lib/web/format';
import { ArchiveButton } from '../_components/archive-button';
import { ArticleForm } from '../_components/article-form';

export const metadata: Metadata = { title: 'Article' };

async function load(slug: string) {
  try {
    return await getArticleOrThrow(slug);
  } catch (error) {
    if (isNotFoundError(error)) notFound();
    throw error;
  }
}

/** An article: its versions for everyone, the editor for managers. */
export default async function ArticlePage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requireUser();
  const article = await load((await params).slug);
  const manager = hasRole(user, 'manager');
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0 space-y-4">
        <div className="flex items-center justify-between gap-4">
          <h1 className="text-xl font-semibold">
            {article.title}
            {article.archived ? <span className="ml-2 rounded bg-slate-100 px-1 text-sm text-slate-600">archived</span> : null}
          </h1>
          {manager ? <ArchiveButton slug={article.slug} archived={article.archived} /> : null}
        </div>
        {manager ? (
          <ArticleForm mode="update" slug={article.slug} title={article.title} body={article.body} keywords={article.keywords} />
        ) : (
          <p className="text-sm text-slate-600">
            <Link className="underline" href={`/knowledge/${article.slug}/versions/${article.currentVersion}`}>
              Read the current version
            </Link>
          </p>
        )}
      </div>
      <aside aria-label="Versions" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 className="font-semibold">Versions</h2>
        <ul className="space-y-1.5">
          {article.versions.map((version) => (
            <li key={version.version}>
              <Link href={`/knowledge/${article.slug}/versions/${version.version}`} className="font-medium hover:underline">
                v{version.version}
              </Link>
              {version.version === article.currentVersion ? <span className="ml-1 text-xs text-emerald-700">current</span> : null}
              <span className="ml-1 text-xs text-slate-500">
                {formatDateTime(version.createdAt)}
                {version.authorRole ? ` · ${version.authorRole}` : ''}
              </span>
              {version.note ? <p className="text-xs text-slate-600">{version.note}</p> : null}
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
