// Maps the simulator's canonical answers onto the enum values a tool schema actually declares,
// by fuzzy name match, so a configurable category list (or "medium" instead of "normal") works.
import { CANONICAL_CATEGORIES, CATEGORY_NAME_HINTS, FALLBACK_NAME_HINTS } from './category-keywords';
import type { EmailAnalysis, Priority, Sentiment } from './heuristics';
import { words } from './text';

const PRIORITY_HINTS: Record<Priority, readonly string[]> = {
  low: ['low', 'minor', 'trivial'],
  normal: ['normal', 'medium', 'moderate', 'standard', 'default'],
  high: ['high', 'major', 'important', 'elevated'],
  urgent: ['urgent', 'critical', 'highest', 'emergency', 'blocker', 'high'],
};

const SENTIMENT_HINTS: Record<Sentiment, readonly string[]> = {
  positive: ['positive', 'happy', 'satisfied', 'pleased'],
  neutral: ['neutral', 'mixed', 'calm'],
  negative: ['negative', 'frustrated', 'dissatisfied', 'unhappy', 'upset'],
  angry: ['angry', 'very_negative', 'hostile', 'furious', 'negative', 'frustrated'],
};

const normalize = (value: string): string => value.toLowerCase().replace(/[^a-z0-9]+/g, '');

function hasHint(value: string, hints: readonly string[]): boolean {
  const name = normalize(value);
  return hints.some((hint) => name.includes(normalize(hint)) || (name.length >= 4 && normalize(hint).includes(name)));
}

/** First enum value matching the earliest hint, so hint order expresses preference. */
function byHints(values: readonly string[], hints: readonly string[]): string | undefined {
  for (const hint of hints) {
    const found = values.find((value) => hasHint(value, [hint]));
    if (found !== undefined) return found;
  }
  return undefined;
}

export function pickCategory(values: readonly string[], analysis: EmailAnalysis, text: string): string {
  const mentioned = new Set(words(text).map(normalize));
  let best: string | undefined;
  let bestScore = 0;
  for (const value of values) {
    // Topic keywords count for every enum value whose name fits the topic; an enum value named
    // outright in the email ("returns", "shipping") counts double.
    let score = 0;
    for (const topic of CANONICAL_CATEGORIES) {
      if (hasHint(value, CATEGORY_NAME_HINTS[topic])) score += analysis.categoryScores[topic];
    }
    const stem = normalize(value).replace(/s$/, '');
    const catchAll = hasHint(value, FALLBACK_NAME_HINTS);
    if (!catchAll && stem.length >= 4 && [...mentioned].some((word) => word.startsWith(stem))) score += 2;
    if (score > bestScore) {
      best = value;
      bestScore = score;
    }
  }
  return best ?? byHints(values, FALLBACK_NAME_HINTS) ?? values.at(-1) ?? 'other';
}

const PRIORITY_ORDER: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];

export function pickPriority(values: readonly string[], priority: Priority): string {
  // Unknown names: assume the enum is ordered low to high, like ours.
  const byRank = values[Math.min(values.length - 1, PRIORITY_ORDER.indexOf(priority))];
  return byHints(values, PRIORITY_HINTS[priority]) ?? byRank ?? priority;
}

export function pickSentiment(values: readonly string[], sentiment: Sentiment): string {
  return byHints(values, SENTIMENT_HINTS[sentiment]) ?? byHints(values, SENTIMENT_HINTS.neutral) ?? values[0] ?? sentiment;
}

export function pickLanguage(values: readonly string[], language: string): string {
  const exact = values.find((value) => value.toLowerCase() === language);
  return exact ?? byHints(values, ['other', 'unknown']) ?? values[0] ?? language;
}
