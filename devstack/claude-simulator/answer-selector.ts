// Chooses approved answers for a category that sends approved answers only, the way a careful
// model would: the passages that share the most topic words with the newest email, none when
// nothing shares enough. It writes no text of its own, as the real request allows none.
import type { MessagesRequest } from './messages-api';
import type { PromptView } from './prompt-reader';
import { words } from './text';

const ANSWER_BLOCK = /<approved_answer\b((?:"[^"]*"|'[^']*'|[^'">])*)>([\s\S]*?)<\/approved_answer>/g;

export const isSelectionRequest = (request: MessagesRequest): boolean => {
  const system = typeof request.system === 'string' ? request.system : (request.system ?? []).map((block) => block.text).join('\n');
  return system.includes('<approved_answers>');
};

const topicWords = (text: string) => new Set(words(text).filter((word) => word.length >= 5).map((word) => word.replace(/(?:ing|ed|es|s)$/u, '')));

export function selectAnswers(request: MessagesRequest, view: PromptView): { passage_ids: string[]; none_fits: boolean } {
  const system = typeof request.system === 'string' ? request.system : (request.system ?? []).map((block) => block.text).join('\n');
  const asked = topicWords(`${view.email.subject ?? ''}\n${view.email.body}`);
  const scored = [...system.matchAll(ANSWER_BLOCK)]
    .map((match) => {
      const id = /id="([^"]*)"/.exec(match[1] ?? '')?.[1] ?? '';
      const shared = [...topicWords(match[2] ?? '')].filter((word) => asked.has(word)).length;
      return { id, shared };
    })
    .filter((answer) => answer.id && answer.shared >= 3)
    .sort((a, b) => b.shared - a.shared || a.id.localeCompare(b.id));
  const chosen = scored.slice(0, 1).map((answer) => answer.id);
  return { passage_ids: chosen, none_fits: chosen.length === 0 };
}
