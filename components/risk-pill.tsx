import { riskAboveLimit, riskBand } from '@/lib/core/policy/risk-band';

const BANDS = {
  low: { label: 'Low', classes: 'bg-emerald-50 text-emerald-800 ring-emerald-200' },
  medium: { label: 'Med', classes: 'bg-amber-50 text-amber-900 ring-amber-200' },
  high: { label: 'High', classes: 'bg-red-50 text-red-800 ring-red-200' },
} as const;

/**
 * Risk 0–100 from the classifier, banded against the team's auto-send limit (riskBand), so the
 * label agrees with the send decision: "Low" only when the risk alone would let it go out.
 * The number is always shown.
 */
export function RiskPill({ score, limit, injection = false }: { score: number | null; limit: number; injection?: boolean }) {
  if (injection) {
    return (
      <span
        title="Possible prompt injection: read the customer message yourself"
        className="inline-flex items-center gap-1 rounded bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white"
      >
        <span aria-hidden="true">⚠</span> Injection
      </span>
    );
  }
  if (score === null) return <span className="text-xs text-slate-500">—</span>;
  const band = BANDS[riskBand(score, limit)];
  return (
    <span
      title={`Risk ${score} of 100: ${riskAboveLimit(score, limit) ? 'above' : 'within'} the auto-send limit of ${limit}`}
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium tabular-nums ring-1 ring-inset ${band.classes}`}
    >
      {band.label} <span className="opacity-75">{score}</span>
    </span>
  );
}
