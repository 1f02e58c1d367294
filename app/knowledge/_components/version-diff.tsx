import { diffWords } from 'diff';
import { DiffParts } from '@/components/diff-parts';

/** Two versions of an article, word by word: what an edit changed. Rendered on the server. */
export function VersionDiff({ before, after }: { before: string; after: string }) {
  return (
    <div aria-label="Changes against the previous version" className="max-h-[32rem] overflow-auto whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm leading-relaxed ring-1 ring-inset ring-slate-200">
      <DiffParts parts={diffWords(before, after)} />
    </div>
  );
}
