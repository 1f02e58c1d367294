import type { PromptPassage } from '../knowledge/types';
import { neutralise } from './untrusted-content';

const attribute = (value: string) => neutralise(value).replace(/["\n\r]/g, ' ');

/**
 * The retrieved passages, each with the id a draft cites. They come after the cache breakpoint
 * (they change with every email); the drafter and the second check see the same block.
 */
export function renderPassages(passages: readonly PromptPassage[]): string {
  if (passages.length === 0) {
    return '<reference_passages>\n(no passage of the knowledge base matches this email: cite nothing, and say the team will follow up)\n</reference_passages>';
  }
  const items = passages.map((passage) => `<passage id="${attribute(passage.id)}" from="${attribute(passage.heading)}">\n${neutralise(passage.text)}\n</passage>`);
  return `<reference_passages>\n${items.join('\n')}\n</reference_passages>`;
}
