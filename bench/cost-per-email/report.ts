import type { EmailTokens } from './measure-tokens';
import type { ScenarioCost } from './scenarios';

/** The console table: one row per scenario, then the token profile it was priced from. */

const usd = (value: number, digits = 5) => `$${value.toFixed(digits)}`;

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ');
}

export function renderTable(costs: readonly ScenarioCost[], baselineId: string): string {
  const baseline = costs.find((cost) => cost.scenario.id === baselineId);
  const header = ['scenario', 'per email', 'first (cold)', 'later (warm)', 'per 1,000', 'vs baseline'];
  const rows = costs.map((cost) => [
    `${cost.scenario.id}) ${cost.scenario.label}`,
    usd(cost.meanPerEmailUsd),
    usd(cost.firstEmailUsd),
    usd(cost.laterEmailsMeanUsd),
    usd(cost.per1000EmailsUsd, 2),
    baseline && cost !== baseline ? `${((cost.meanPerEmailUsd / baseline.meanPerEmailUsd - 1) * 100).toFixed(1)}%` : 'baseline',
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]?.length ?? 0)));
  return [pad(header, widths), pad(widths.map((width) => '-'.repeat(width)), widths), ...rows.map((row) => pad(row, widths))].join('\n');
}

const promptTokens = (usage: EmailTokens['draft']) => usage.inputTokens + usage.cacheReadTokens + usage.cacheWrite5mTokens + usage.cacheWrite1hTokens;

/** Share of all prompt tokens of a request kind that was read from the cache (0..1). */
export function cacheReadShare(emails: readonly EmailTokens[], kind: 'classify' | 'draft'): number {
  const prompt = emails.reduce((sum, email) => sum + promptTokens(email[kind]), 0);
  const read = emails.reduce((sum, email) => sum + email[kind].cacheReadTokens, 0);
  return prompt === 0 ? 0 : read / prompt;
}

export function renderTokenProfile(emails: readonly EmailTokens[], title = 'token profile'): string {
  const n = Math.max(emails.length, 1);
  const avg = (pick: (email: EmailTokens) => number) => Math.round(emails.reduce((total, email) => total + pick(email), 0) / n);
  const share = (kind: 'classify' | 'draft') => `${(cacheReadShare(emails, kind) * 100).toFixed(1)}% of prompt tokens read from cache`;
  return [
    `${title}, mean of ${emails.length} demo emails:`,
    `  classify: ${avg((e) => promptTokens(e.classify))} prompt (${avg((e) => e.classify.cacheReadTokens)} cache read, ${avg((e) => e.classify.cacheWrite5mTokens)} cache write) + ${avg((e) => e.classify.outputTokens)} output; ${share('classify')}`,
    `  draft:    ${avg((e) => promptTokens(e.draft))} prompt (${avg((e) => e.draft.cacheReadTokens)} cache read, ${avg((e) => e.draft.cacheWrite5mTokens)} cache write) + ${avg((e) => e.draft.outputTokens)} output; ${share('draft')}`,
  ].join('\n');
}
