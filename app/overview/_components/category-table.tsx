import type { CategoryStats } from '@/lib/read/overview/get-overview-metrics';
import { formatNumber, formatPercent, formatUsd } from '@/lib/web/format';

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** Per-category volume, automation, edits and cost for the window. */
export function CategoryTable({ rows }: { rows: CategoryStats[] }) {
  const th = 'px-3 py-2 text-right font-medium';
  const td = 'px-3 py-2 text-right tabular-nums';
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="px-3 pt-3 text-left text-sm font-semibold">By category</caption>
        <thead className="text-xs text-slate-500">
          <tr className="border-b border-slate-200">
            <th scope="col" className="px-3 py-2 text-left font-medium">Category</th>
            <th scope="col" className={th}>Conversations</th>
            <th scope="col" className={th}>Sent</th>
            <th scope="col" className={th}>Automation</th>
            <th scope="col" className={th}>Agent approvals</th>
            <th scope="col" className={th}>Edit rate</th>
            <th scope="col" className={th}>Avg edit</th>
            <th scope="col" className={th}>Rejected</th>
            <th scope="col" className={th}>SLA breaches</th>
            <th scope="col" className={th}>Avg risk</th>
            <th scope="col" className={th}>Cost</th>
            <th scope="col" className={th}>Cost / conv.</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={12} className="px-3 py-6 text-center text-slate-500">No activity in this window.</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.category ?? '(none)'}>
                <th scope="row" className="px-3 py-2 text-left font-medium">{row.category ?? 'Unclassified'}</th>
                <td className={td}>{formatNumber(row.conversations)}</td>
                <td className={td}>{formatNumber(row.sent)}</td>
                <td className={td}>{formatPercent(ratio(row.autoSent, row.sent))}</td>
                <td className={td}>{formatNumber(row.approvals)}</td>
                <td className={td}>{formatPercent(ratio(row.edited, row.approvals))}</td>
                <td className={td}>{row.averageEditSize === null ? '—' : `${Math.round(row.averageEditSize)} ch`}</td>
                <td className={td}>{formatNumber(row.rejected)}</td>
                <td className={`${td} ${row.breaches > 0 ? 'font-semibold text-red-700' : ''}`}>{formatNumber(row.breaches)}</td>
                <td className={td}>{row.averageRisk === null ? '—' : Math.round(row.averageRisk)}</td>
                <td className={td}>{formatUsd(row.costUsd)}</td>
                <td className={td}>{row.conversations > 0 ? formatUsd(row.costUsd / row.conversations) : '—'}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
