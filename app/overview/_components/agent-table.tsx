import type { AgentStats } from '@/lib/read/overview/get-overview-metrics';
import { formatDuration, formatNumber } from '@/lib/web/format';

const duration = (seconds: number | null) => (seconds === null ? '—' : formatDuration(seconds));

/** Per agent: what they handled, how fast customers first heard from them, how fast they resolved. */
export function AgentTable({ rows }: { rows: AgentStats[] }) {
  const th = 'px-3 py-2 text-right font-medium';
  const td = 'px-3 py-2 text-right tabular-nums';
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" data-testid="agent-table">
      <table className="w-full text-sm">
        <caption className="px-3 pt-3 text-left text-sm font-semibold">By agent</caption>
        <thead className="text-xs text-slate-600">
          <tr className="border-b border-slate-200">
            <th scope="col" className="px-3 py-2 text-left font-medium">Agent</th>
            <th scope="col" className={th}>Handled</th>
            <th scope="col" className={th}>First replies</th>
            <th scope="col" className={th}>Median first response</th>
            <th scope="col" className={th}>Resolved</th>
            <th scope="col" className={th}>Median resolution</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={6} className="px-3 py-6 text-center text-slate-600">No agent decisions in this window.</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.agentId} data-agent={row.agentId}>
                <th scope="row" className="px-3 py-2 text-left font-medium">{row.name}</th>
                <td className={td}>{formatNumber(row.handled)}</td>
                <td className={td}>{formatNumber(row.firstResponses)}</td>
                <td className={td}>{duration(row.medianFirstResponseSeconds)}</td>
                <td className={td}>{formatNumber(row.resolved)}</td>
                <td className={td}>{duration(row.medianResolutionSeconds)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
