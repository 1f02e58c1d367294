import { diffWords } from 'diff';

/** Two versions of an article, word by word: what an edit changed. Rendered on the server. */
export function VersionDiff({ before, after }: { before: string; after: string }) {
  const parts = diffWords(before, after);
  return (
    <div aria-label="Changes against the previous version" className="max-h-[32rem] overflow-auto whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm leading-relaxed ring-1 ring-inset ring-slate-200">
      {parts.map((part, index) =>
        part.added ? (
          <ins key={index} className="rounded-sm bg-emerald-100 text-emerald-900">
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={index} className="rounded-sm bg-red-100 text-red-900 line-through">
            {part.value}
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </div>
  );
}
