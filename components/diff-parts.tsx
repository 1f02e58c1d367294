import type { Change } from 'diff';

/** A word diff's parts, additions underlined and removals struck through (not by colour alone). */
export function DiffParts({ parts }: { parts: readonly Change[] }) {
  return parts.map((part, index) =>
    part.added ? (
      <ins key={index} className="rounded-sm bg-emerald-100 text-emerald-900 underline decoration-emerald-600">
        {part.value}
      </ins>
    ) : part.removed ? (
      <del key={index} className="rounded-sm bg-red-100 text-red-900 line-through">
        {part.value}
      </del>
    ) : (
      <span key={index}>{part.value}</span>
    ),
  );
}
