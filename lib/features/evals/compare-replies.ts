import { editSize } from '../../core/text/edit-size';

/**
 * How far a replayed reply is from what the agent actually sent: the characters an agent
 * would have had to add or remove (the same word diff the dashboard shows for an edit), and
 * the similarity that leaves, 1 for identical and 0 for nothing in common.
 */
export function compareReplies(candidate: string, reference: string): { editSize: number; similarity: number } {
  const size = editSize(candidate, reference);
  const total = candidate.length + reference.length;
  return { editSize: size, similarity: total === 0 ? 1 : Math.max(0, 1 - size / total) };
}
