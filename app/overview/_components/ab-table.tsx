import type { CategoryFigures } from '@/lib/core/ab/ab-figures';
import { formatNumber, formatPercent } from '@/lib/web/format';

/** Live A/B tests of drafts: per category and variant, how often agents picked it and how much they edited it. */
export function AbTable({ rows }: { rows: CategoryFigures[] }) {
  if (rows.length === 0) return null;
  const th = 'px-3 py-2 text-right font-medium';
  const td = 'px-3 py-2 text-right tabular-nums';
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" aria-label="A/B tests of drafts">
        <caption className="px-3 pt-3 text-left text-sm font-semibold">A/B tests of drafts</caption>
        <thead className="text-xs text-slate-500">
          <tr className="border-b border-slate-200">
            <th scope="col" className="px-3 py-2 text-left font-medium">Category</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Variant</th>
            <th scope="col" className={th}>Picks</th>
            <th scope="col" className={th}>Pick rate</th>
            <th scope="col" className={th}>Median edit</th>
            <th scope="col" className={th}>Failed</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Verdict</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.flatMap((row) =>
            row.variants.map((variant, index) => (
              <tr key={`${row.category}:${variant.label}`} data-testid={`ab-${row.category}-${variant.label}`}>
                <th scope="row" className="px-3 py-2 text-left font-medium">{index === 0 ? row.category : ''}</th>
                <td className="px-3 py-2">{variant.label}</td>
                <td className={td}>{formatNumber(variant.picks)}</td>
                <td className={td}>{formatPercent(variant.pickRate)}</td>
                <td className={td}>{variant.medianEditSize === null ? '—' : `${Math.round(variant.medianEditSize)} ch`}</td>
                <td className={td}>{formatNumber(variant.failures)}</td>
                {index === 0 ? (
                  <td rowSpan={row.variants.length} className="px-3 py-2 text-slate-700">
                    {row.verdict}
                  </td>
                ) : null}
              </tr>
            )),
          )}
        </tbody>
      </table>
      <p className="px-3 pb-3 text-xs text-slate-500">
        A pick counts only where both variants were offered; a failed variant leaves the other offered alone. A winner is named from 20 picks, when the
        split is unlikely under no difference (sign test, 5%).
      </p>
    </div>
  );
}
