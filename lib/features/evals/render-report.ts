import type { ItemResult, VariantResult } from './run-eval';

/**
 * The comparison a person reads after `npm run eval`: one column per variant, the difference
 * between the first two, then one line per item so a regression can be traced to an email.
 */

export interface VariantSummary {
  label: string;
  items: number;
  errors: number;
  similarity: number | null;
  medianEditSize: number | null;
  grounding: number | null;
  tone: number | null;
  grounded: number | null;
  costUsd: number;
}

const mean = (values: number[]): number | null => (values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const defined = <K extends keyof ItemResult>(items: ItemResult[], key: K): number[] =>
  items.flatMap((item) => (typeof item[key] === 'number' && !item.error ? [item[key]] : []));

export function summarize(result: VariantResult): VariantSummary {
  const { items } = result;
  const grounding = defined(items, 'grounding');
  return {
    label: result.variant.label,
    items: items.length,
    errors: items.filter((item) => item.error).length,
    similarity: mean(defined(items, 'similarity')),
    medianEditSize: median(defined(items, 'editSize')),
    grounding: mean(grounding),
    tone: mean(defined(items, 'tone')),
    grounded: grounding.length === 0 ? null : grounding.filter((value) => value >= 4).length / grounding.length,
    costUsd: mean(items.map((item) => item.costUsd)) ?? 0,
  };
}

type Row = [string, (summary: VariantSummary) => number | null, (value: number) => string, 'higher' | 'lower' | 'none'];

const ROWS: Row[] = [
  ['similarity to the agent’s reply (↑)', (s) => s.similarity, (v) => v.toFixed(3), 'higher'],
  ['chars the agent would change, median (↓)', (s) => s.medianEditSize, (v) => v.toFixed(0), 'lower'],
  ['grounding 1-5 (↑)', (s) => s.grounding, (v) => v.toFixed(2), 'higher'],
  ['grounded (grounding ≥ 4) (↑)', (s) => s.grounded, (v) => `${(v * 100).toFixed(0)}%`, 'higher'],
  ['tone 1-5 (↑)', (s) => s.tone, (v) => v.toFixed(2), 'higher'],
  ['cost per item, draft + grading', (s) => s.costUsd, (v) => `$${v.toFixed(5)}`, 'none'],
  ['errors', (s) => s.errors, (v) => v.toFixed(0), 'lower'],
];

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ').trimEnd()).join('\n');
}

function delta(first: number | null, second: number | null, format: (value: number) => string): string {
  if (first === null || second === null) return '';
  const difference = second - first;
  if (Math.abs(difference) < 1e-9) return '=';
  return `${difference > 0 ? '+' : '-'}${format(Math.abs(difference))}`;
}

export function renderReport(results: VariantResult[], heading: string): string {
  const summaries = results.map(summarize);
  const compare = summaries.length >= 2;
  const header = ['', ...summaries.map((summary) => summary.label), ...(compare ? ['Δ (2nd − 1st)'] : [])];
  const summaryRows = ROWS.map(([name, pick, format]) => {
    const values = summaries.map(pick);
    return [name, ...values.map((value) => (value === null ? 'n/a' : format(value))), ...(compare ? [delta(values[0] ?? null, values[1] ?? null, format)] : [])];
  });

  const itemHeader = ['item', 'agent did', ...results.flatMap((result) => [`${result.variant.label}: sim`, 'ground', 'tone'])];
  const itemRows = (results[0]?.items ?? []).map((item, index) => [
    item.itemId.slice(0, 14),
    item.decision,
    ...results.flatMap((result) => {
      const one = result.items[index];
      if (!one) return ['', '', ''];
      if (one.error) return ['error', '', ''];
      return [one.similarity === undefined ? '–' : one.similarity.toFixed(2), String(one.grounding ?? '–'), String(one.tone ?? '–')];
    }),
  ]);
  const errors = results.flatMap((result) => result.items.filter((item) => item.error).map((item) => `  ${result.variant.label} ${item.itemId}: ${item.error ?? ''}`));
  return [heading, '', table([header, ...summaryRows]), '', table([itemHeader, ...itemRows]), ...(errors.length > 0 ? ['', 'Errors:', ...errors] : [])].join('\n');
}
