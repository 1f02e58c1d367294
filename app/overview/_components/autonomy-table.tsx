import { Badge } from '@/components/badge';
import type { AutonomyOverview, AutonomyRow } from '@/lib/read/overview/autonomy-stats';
import { formatNumber, formatPercent } from '@/lib/web/format';
import { CategoryAutoSendButton } from './category-auto-send-button';

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function TrustState({ row }: { row: AutonomyRow }) {
  const { trust } = row;
  if (trust.explicit) return <Badge tone="info" title="Listed in Settings or AUTO_SEND_CATEGORIES">On (explicit setting)</Badge>;
  if (trust.enabled) return <Badge tone="success">On (earned)</Badge>;
  if (trust.demoted) return <Badge tone="danger">Switched off automatically</Badge>;
  if (trust.figures.eligible) return <Badge tone="brand">Eligible</Badge>;
  return <Badge tone="neutral">Shadow mode</Badge>;
}

/**
 * Earned autonomy per category: in the window, what the policy would have sent on its own
 * and how often agents agreed; and each category's trust (all decisions in the trust window,
 * recent ones weighing more) with the one-click switch.
 */
export function AutonomyTable({ overview, days }: { overview: AutonomyOverview; days: number }) {
  const th = 'px-3 py-2 text-right font-medium';
  const td = 'px-3 py-2 text-right tabular-nums';
  const { thresholds } = overview;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="autonomy-table">
        <caption className="px-3 pt-3 text-left">
          <span className="text-sm font-semibold">Earned autonomy</span>
          <span className="ml-2 text-xs text-slate-500">
            Shadow figures for the last {days} days; trust over {thresholds.windowDays} days (a decision’s weight halves every {thresholds.halfLifeDays} days).
            Eligible after {thresholds.minDecisions} decisions with {formatPercent(thresholds.promoteAt)} agreement and no rejects; switched off below{' '}
            {formatPercent(thresholds.demoteBelow)} over the {thresholds.recentDecisions} most recent.
          </span>
        </caption>
        <thead className="text-xs text-slate-500">
          <tr className="border-b border-slate-200">
            <th scope="col" className="px-3 py-2 text-left font-medium">Category</th>
            <th scope="col" className={th}>Drafts</th>
            <th scope="col" className={th}>Would auto-send</th>
            <th scope="col" className={th}>Agents agreed</th>
            <th scope="col" className={th}>Edited</th>
            <th scope="col" className={th}>Overruled</th>
            <th scope="col" className={th}>Second check said no</th>
            <th scope="col" className={th}>Auto-sent</th>
            <th scope="col" className={th}>Marked bad</th>
            <th scope="col" className={th}>Trust</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Auto-send</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {overview.rows.map((row) => (
            <tr key={row.category} data-category={row.category}>
              <th scope="row" className="px-3 py-2 text-left font-medium">{row.category}</th>
              <td className={td}>{formatNumber(row.shadow.drafts)}</td>
              <td className={td} data-testid="would-send">{formatNumber(row.shadow.wouldSend)}</td>
              <td className={td} data-testid="agreed" title={`${row.shadow.agreed} of ${row.shadow.decided} decided drafts it would have sent were sent unchanged`}>
                {formatNumber(row.shadow.agreed)} of {formatNumber(row.shadow.decided)} ({formatPercent(ratio(row.shadow.agreed, row.shadow.decided))})
              </td>
              <td className={td}>{formatNumber(row.shadow.edited)}</td>
              <td className={`${td} ${row.shadow.overruled > 0 ? 'font-semibold text-red-700' : ''}`}>{formatNumber(row.shadow.overruled)}</td>
              <td className={td}>{formatNumber(row.shadow.checkSaidNo)}</td>
              <td className={td}>{formatNumber(row.shadow.autoSent)}</td>
              <td className={`${td} ${row.shadow.markedBad > 0 ? 'font-semibold text-red-700' : ''}`}>{formatNumber(row.shadow.markedBad)}</td>
              <td className={td} data-testid="trust">
                {formatPercent(row.trust.figures.agreement)} <span className="text-xs text-slate-500">of {formatNumber(row.trust.figures.decisions)}</span>
              </td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap items-center gap-2">
                  <TrustState row={row} />
                  {row.trust.enabled && !row.trust.explicit ? <CategoryAutoSendButton category={row.category} enable={false} /> : null}
                  {!row.trust.active && row.trust.figures.eligible ? <CategoryAutoSendButton category={row.category} enable /> : null}
                </div>
                {!row.trust.active && !row.trust.figures.eligible ? (
                  <p className="mt-1 max-w-xs text-xs text-slate-500" data-testid="blockers">{row.trust.figures.blockers.join('; ')}</p>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
