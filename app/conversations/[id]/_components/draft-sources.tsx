import Link from 'next/link';
import type { DraftSourceView } from '@/lib/read/conversation/get-draft-sources';
import { RedraftButton } from './redraft-button';

interface Props {
  /** Set while the draft can still be revised: the stale-knowledge notice then offers a redraft. */
  redraft: { conversationId: string; draftVersion: number } | null;
  sources: DraftSourceView[];
  invented: string[];
  staleReason: string | null;
}

function articleHref(source: DraftSourceView): string {
  return `/knowledge/${encodeURIComponent(source.slug)}/versions/${source.version}#${encodeURIComponent(source.id)}`;
}

function Source({ source }: { source: DraftSourceView }) {
  const outdated = source.archived ? 'archived since' : source.currentVersion !== source.version ? `now v${source.currentVersion}` : null;
  return (
    <li data-passage-id={source.id} data-cited={source.cited ? 'true' : 'false'}>
      <Link href={articleHref(source)} className="font-medium text-slate-800 underline-offset-2 hover:underline">
        {source.heading}
      </Link>
      <span className="ml-1 font-mono text-xs text-slate-500">{source.id}</span>
      {outdated ? <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-800">{outdated}</span> : null}
      <p className="line-clamp-3 text-xs text-slate-600">{source.text}</p>
    </li>
  );
}

/**
 * What the drafter was given and what it cited, each linked to the article version it came
 * from. Recorded when the draft was written, not guessed from the email.
 */
export function DraftSources({ redraft, sources, invented, staleReason }: Props) {
  const cited = sources.filter((source) => source.cited);
  const uncited = sources.filter((source) => !source.cited);
  return (
    <section aria-labelledby="sources-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="sources-heading" className="text-sm font-semibold">
        Knowledge cited
      </h2>
      {staleReason ? (
        <p role="status" className="mt-2 rounded bg-amber-50 p-2 text-xs text-amber-900">
          Knowledge changed after this draft was written: {staleReason}.
          {redraft ? <RedraftButton conversationId={redraft.conversationId} draftVersion={redraft.draftVersion} /> : null}
        </p>
      ) : null}
      {invented.length > 0 ? (
        <p className="mt-2 rounded bg-red-50 p-2 text-xs text-red-800">
          Cited without being given (made up): <span className="font-mono">{invented.join(', ')}</span>
        </p>
      ) : null}
      {cited.length === 0 ? <p className="mt-2 text-sm text-slate-600">The draft cites no passage.</p> : <ul className="mt-2 space-y-1.5 text-sm" aria-label="Cited passages">{cited.map((source) => <Source key={source.id} source={source} />)}</ul>}
      {uncited.length > 0 ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-xs text-slate-600">Also given, not cited ({uncited.length})</summary>
          <ul className="mt-2 space-y-1.5" aria-label="Passages given but not cited">
            {uncited.map((source) => (
              <Source key={source.id} source={source} />
            ))}
          </ul>
        </details>
      ) : sources.length === 0 ? (
        <p className="mt-1 text-xs text-slate-500">No passage of the knowledge base was given for this draft.</p>
      ) : null}
    </section>
  );
}
