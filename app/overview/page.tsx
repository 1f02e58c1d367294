import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/web/auth';
import { getOverviewMetrics } from '@/lib/read/overview/get-overview-metrics';
import { OVERVIEW_WINDOWS, parseOverviewDays } from '@/lib/web/overview-params';
import { formatDuration, formatNumber, formatPercent, formatUsd } from '@/lib/web/format';
import { BarChart } from './_components/bar-chart';
import { CategoryTable } from './_components/category-table';
import { AgentTable } from './_components/agent-table';
import { StatCard } from './_components/stat-card';
import { ModelPanel } from './_components/model-panel';
import { budgetStatus } from '@/lib/core/policy/model-budget';
import { getModelBudget, getModelSpend } from '@/lib/features/settings/model-budget';
import { readAutonomyOverview } from '@/lib/read/overview/autonomy-stats';
import { overviewWindow } from '@/lib/read/overview/overview-window';
import { AutonomyTable } from './_components/autonomy-table';
import { DemotionNotices } from './_components/demotion-notices';
import { readResponseSlaStats } from '@/lib/read/overview/response-sla-stats';
import { ResponseSlaPanel } from './_components/response-sla-panel';
import { readAbStats } from '@/lib/read/overview/ab-stats';
import { AbTable } from './_components/ab-table';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser('manager');
  const days = parseOverviewDays(await searchParams);
  const [metrics, budget, spend, autonomy, responseSla, abStats] = await Promise.all([
    getOverviewMetrics({ days }),
    getModelBudget(),
    getModelSpend(),
    readAutonomyOverview(overviewWindow(days)),
    readResponseSlaStats(overviewWindow(days)),
    readAbStats(overviewWindow(days)),
  ]);
  const { sends, decisions, sla, cost } = metrics;
  const budgetNow = budgetStatus(budget, spend);
  const labels = metrics.daily.map((point) => point.day.slice(5));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold tracking-tight">Overview</h1>
        <nav aria-label="Window" className="flex gap-1 rounded-md bg-slate-100 p-0.5 text-sm">
          {OVERVIEW_WINDOWS.map((option) => (
            <Link
              key={option}
              href={`/overview?days=${option}`}
              aria-current={option === days ? 'page' : undefined}
              className={`rounded px-2.5 py-1 ${option === days ? 'bg-white font-medium shadow-sm' : 'text-slate-600 hover:text-slate-900'}`}
            >
              {option} days
            </Link>
          ))}
        </nav>
      </div>

      {budgetNow.reached ? (
        <div role="alert" className="rounded-lg border-2 border-red-600 bg-red-50 px-4 py-3 text-red-950">
          <p className="text-sm font-bold">Model spend budget reached</p>
          <p className="mt-1 text-sm">
            {budgetNow.reason[0]?.toUpperCase()}
            {budgetNow.reason.slice(1)}. Countersign is not calling Claude: new mail goes straight to people (Needs a person). Raise the budget in{' '}
            <Link href="/settings" className="font-medium underline">
              Settings
            </Link>{' '}
            to resume.
          </p>
        </div>
      ) : null}

      <DemotionNotices demoted={autonomy.demoted} />

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-7">
        <StatCard
          label="Needs a person"
          value={<Link href="/?queue=needs_person">{formatNumber(metrics.model.needsPersonNow)}</Link>}
          tone={metrics.model.needsPersonNow > 0 ? 'bad' : 'neutral'}
          hint="Claude could not answer: waiting for an agent now"
        />
        <StatCard label="Automation rate" value={formatPercent(sends.automationRate)} hint={`${formatNumber(sends.autoSent)} of ${formatNumber(sends.sent)} replies sent without an agent`} />
        <StatCard
          label="Approved without edit"
          value={formatPercent(decisions.approvals ? decisions.approvedUnchanged / decisions.approvals : null)}
          hint={`${formatNumber(decisions.approvedUnchanged)} of ${formatNumber(decisions.approvals)} agent approvals`}
        />
        <StatCard
          label="Edit rate"
          value={formatPercent(decisions.approvals ? decisions.edited / decisions.approvals : null)}
          hint={decisions.averageEditSize === null ? 'no edits' : `avg ${Math.round(decisions.averageEditSize)} characters changed`}
        />
        <StatCard
          label="Median time to decision"
          value={decisions.medianSecondsToDecision === null ? '—' : formatDuration(decisions.medianSecondsToDecision)}
          hint={`${formatNumber(decisions.rejected)} rejected · ${formatNumber(decisions.revisions)} revisions`}
        />
        <StatCard label="SLA breaches" value={formatNumber(sla.breaches)} tone={sla.breaches > 0 ? 'bad' : 'neutral'} hint={`${formatNumber(sla.overdueNow)} overdue right now`} />
        <StatCard label="Cost per conversation" value={cost.perConversationUsd === null ? '—' : formatUsd(cost.perConversationUsd)} hint={`${formatUsd(cost.totalUsd)} over ${formatNumber(cost.calls)} model calls`} />
      </dl>

      <div className="grid gap-4 lg:grid-cols-2">
        <BarChart
          id="volume"
          title="Volume per day"
          labels={labels}
          format={formatNumber}
          series={[
            { name: 'Received', fillClass: 'fill-slate-400', swatchClass: 'bg-slate-400', values: metrics.daily.map((point) => point.received) },
            { name: 'Sent by agents', fillClass: 'fill-brand-500', swatchClass: 'bg-brand-500', values: metrics.daily.map((point) => point.sent - point.autoSent) },
            { name: 'Auto-sent', fillClass: 'fill-emerald-500', swatchClass: 'bg-emerald-500', values: metrics.daily.map((point) => point.autoSent) },
          ]}
        />
        <BarChart
          id="cost"
          title="Model cost per day"
          labels={labels}
          format={formatUsd}
          series={[{ name: 'Cost (USD)', fillClass: 'fill-amber-500', swatchClass: 'bg-amber-500', values: metrics.daily.map((point) => point.costUsd) }]}
        />
      </div>

      <ResponseSlaPanel stats={responseSla} days={days} />

      <AutonomyTable overview={autonomy} days={days} />

      <ModelPanel stats={metrics.model} budget={budget} spend={spend} />

      <AgentTable rows={metrics.agents} />

      <CategoryTable rows={metrics.categories} />
      <AbTable rows={abStats} />
      <p className="text-xs text-slate-500">
        Days are UTC. Automation rate and Auto-sent count replies the policy sent on its own after its hold (the ones in Sent automatically); an agent’s own reply, approval or resend is theirs. Time to decision runs from the draft being
        ready to the agent’s decision. Per agent: handled counts conversations where they approved, edited, rejected or wrote the reply; first response and resolution run from the customer’s first message to the first reply they sent, and to the last reply they sent or rejected with nothing after it. SLA breaches count conversations escalated in the window. Cost, on the cards, the chart and per
        category, is the model calls made in the window.
      </p>
    </div>
  );
}
