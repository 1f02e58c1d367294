import { VARIANT_LABELS, type VariantLabel } from './variants';

/** One variant of one decided A/B draft, as the store holds it. */
export interface VariantOutcome {
  category: string;
  draftVersionKey: string;
  label: VariantLabel;
  status: 'ok' | 'unusable' | 'failed';
  picked: boolean | null;
  editSize: number | null;
}

export interface VariantFigures {
  label: VariantLabel;
  /** Drafts where both sides were offered and the agent picked this one. */
  picks: number;
  pickRate: number | null;
  /** Median characters changed before sending, over this variant's picks. */
  medianEditSize: number | null;
  /** Times this variant failed (the other was then offered alone). */
  failures: number;
}

export interface CategoryFigures {
  category: string;
  /** Drafts where both variants were offered and one was picked. */
  comparisons: number;
  variants: VariantFigures[];
  verdict: string;
}

/** Below this many picks no winner is named: a handful of picks says little. */
export const MIN_PICKS = 20;
/** Two-sided 5% level of the normal approximation to the binomial (sign) test. */
const Z_CRITICAL = 1.96;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Whether one side wins: each comparison is one pick between A and B, so under "no difference"
 * A's picks are Binomial(n, ½); z = (picksA − n/2) / √(n/4). Below MIN_PICKS it says so plainly.
 */
export function pickVerdict(picksA: number, picksB: number): string {
  const n = picksA + picksB;
  if (n < MIN_PICKS) return `Not enough picks yet (${n} of ${MIN_PICKS}).`;
  const z = (picksA - n / 2) / Math.sqrt(n / 4);
  if (Math.abs(z) < Z_CRITICAL) return `No clear winner after ${n} picks (A ${percent(picksA / n)}, B ${percent(picksB / n)}).`;
  const [winner, share] = z > 0 ? ['A', picksA / n] : ['B', picksB / n];
  return `Variant ${winner} wins: picked in ${percent(share)} of ${n} picks (p < 0.05).`;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Picks, pick rate, median edit size and failures per variant per category, with the verdict. */
export function abFigures(outcomes: readonly VariantOutcome[]): CategoryFigures[] {
  const categories = [...new Set(outcomes.map((outcome) => outcome.category))].sort();
  return categories.map((category) => {
    const rows = outcomes.filter((outcome) => outcome.category === category);
    // A comparison: a draft with both sides offered (ok) and one of them picked.
    const drafts = new Map<string, VariantOutcome[]>();
    for (const row of rows) drafts.set(row.draftVersionKey, [...(drafts.get(row.draftVersionKey) ?? []), row]);
    const compared = [...drafts.values()].filter((sides) => sides.filter((side) => side.status === 'ok').length === 2 && sides.some((side) => side.picked === true));
    const comparisons = compared.length;
    const variants = VARIANT_LABELS.map((label): VariantFigures => {
      const picked = compared.flat().filter((side) => side.label === label && side.picked === true);
      return {
        label,
        picks: picked.length,
        pickRate: comparisons > 0 ? picked.length / comparisons : null,
        medianEditSize: median(picked.map((side) => side.editSize ?? 0)),
        failures: rows.filter((row) => row.label === label && row.status !== 'ok').length,
      };
    });
    return { category, comparisons, variants, verdict: pickVerdict(variants[0]!.picks, variants[1]!.picks) };
  });
}
