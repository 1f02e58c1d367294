import type { ModelStats } from '@/lib/read/overview/get-overview-metrics';
import type { ModelBudget, ModelSpend } from '@/lib/core/policy/model-budget';
import { formatNumber, formatPercent, formatUsd } from '@/lib/web/format';

const PURPOSE_LABEL: Record<string, string> = { classify: 'Classify', draft: 'Draft', revise: 'Revise', verify: 'Check with the email', ground: 'Check without the email', select: 'Approved answer choice' };

/** Spend against the budget, how much of each request kind came from the prompt cache, unknown models. */
export function ModelPanel({ stats, budget, spend }: { stats: ModelStats; budget: ModelBudget; spend: ModelSpend }) {
  return (
    <section aria-labelledby="model-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="model-heading" className="text-sm font-semibold">
        Claude: budget and prompt cache
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        This month {formatUsd(spend.monthUsd)}
        {budget.monthlyUsd !== null ? ` of ${formatUsd(budget.monthlyUsd)}` : ' (no monthly cap)'} · today {formatUsd(spend.dayUsd)}
        {budget.dailyUsd !== null ? ` of ${formatUsd(budget.dailyUsd)}` : ' (no daily cap)'} (UTC)
      </p>
      {stats.unpricedCalls > 0 ? (
        <p role="alert" className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {formatNumber(stats.unpricedCalls)} call(s) used a model missing from the price table ({stats.unpricedModels.join(', ')}): their cost is an
          estimate at the highest list rates. Add the model’s prices to CLAUDE_PRICES_JSON.
        </p>
      ) : null}
      <table className="mt-3 w-full text-left text-sm">
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-1 font-medium">Request kind</th>
            <th scope="col" className="py-1 text-right font-medium">Calls</th>
            <th scope="col" className="py-1 text-right font-medium">Prompt tokens</th>
            <th scope="col" className="py-1 text-right font-medium">Read from cache</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {stats.byPurpose.length === 0 ? (
            <tr>
              <td colSpan={4} className="py-2 text-slate-500">
                No model calls in this window.
              </td>
            </tr>
          ) : (
            stats.byPurpose.map((row) => (
              <tr key={row.purpose}>
                <td className="py-1.5">{PURPOSE_LABEL[row.purpose] ?? row.purpose}</td>
                <td className="py-1.5 text-right tabular-nums">{formatNumber(row.calls)}</td>
                <td className="py-1.5 text-right tabular-nums">{formatNumber(row.promptTokens)}</td>
                <td className="py-1.5 text-right tabular-nums">{formatPercent(row.cacheReadShare)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
