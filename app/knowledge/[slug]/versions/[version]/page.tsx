import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { isNotFoundError } from '@/lib/core/errors';
import { getArticleVersionOrThrow } from '@/lib/read/knowledge/get-article-version';
import { requireUser } from '@/lib/web/auth';
import { formatDateTime } from '@/lib/web/format';
import { renderMarkdown } from '@/lib/web/render-markdown';
import { VersionDiff } from '../../../_components/version-diff';

export const metadata: Metadata = { title: 'Article version' };

async function load(slug: string, version: number) {
  try {
    return await getArticleVersionOrThrow({ slug, version });
  } catch (error) {
    if (isNotFoundError(error)) notFound();
    throw error;
  }
}

/**
 * One version of an article as drafts were given it: where a citation links to (each passage
 * anchored by its id), the rendered text, and what changed against the version before.
 */
export default async function ArticleVersionPage({ params }: { params: Promise<{ slug: string; version: string }> }) {
  await requireUser();
  const { slug, version } = await params;
  if (!/^\d{1,6}$/.test(version)) notFound();
  const view = await load(slug, Number(version));
  const outdated = view.version !== view.currentVersion;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/knowledge/${view.slug}`} className="text-slate-600 hover:underline">
            ← {view.slug}
          </Link>
        </p>
        <h1 className="mt-1 text-xl font-semibold">
          {view.title} <span className="text-base font-normal text-slate-500">v{view.version}</span>
        </h1>
        <p className="text-xs text-slate-500">
          {formatDateTime(view.createdAt)}
          {view.authorRole ? ` · written by a ${view.authorRole}` : ''}
          {view.note ? ` · ${view.note}` : ''}
        </p>
        {outdated || view.archived ? (
          <p role="status" className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900">
            {view.archived ? 'This article is archived.' : `This is not the current version (v${view.currentVersion}).`}
          </p>
        ) : null}
      </div>
      {/* Rendered by marked and sanitised on the server (lib/web/render-markdown.ts). */}
      <article className="prose prose-sm max-w-none rounded-lg border border-slate-200 bg-white p-4" dangerouslySetInnerHTML={{ __html: renderMarkdown(view.body) }} />
      <section aria-labelledby="passages-heading" className="space-y-2">
        <h2 id="passages-heading" className="text-sm font-semibold">
          Passages drafts are given
        </h2>
        <ol className="space-y-2 text-sm">
          {view.passages.map((passage) => (
            <li key={passage.id} id={passage.id} className="rounded border border-slate-200 bg-white p-2 target:ring-2 target:ring-amber-400">
              <span className="font-mono text-xs text-slate-500">{passage.id}</span> <span className="text-xs text-slate-600">{passage.heading}</span>
              <p className="whitespace-pre-wrap">{passage.text}</p>
            </li>
          ))}
        </ol>
      </section>
      {view.previous ? (
        <section aria-labelledby="diff-heading" className="space-y-2">
          <h2 id="diff-heading" className="text-sm font-semibold">
            Changes since v{view.previous.version}
          </h2>
          <VersionDiff before={`# ${view.previous.title}\n\n${view.previous.body}`} after={`# ${view.title}\n\n${view.body}`} />
        </section>
      ) : null}
    </div>
  );
}
