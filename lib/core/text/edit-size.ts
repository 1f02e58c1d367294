import { diffWords } from 'diff';

/** Characters an agent added or removed: how much a draft was edited (0 = approved as is). */
export function editSize(before: string, after: string): number {
  if (before === after) return 0;
  return diffWords(before, after).reduce((total, part) => total + (part.added || part.removed ? part.value.length : 0), 0);
}
