import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/web/auth';
import { listDigests } from '@/lib/read/digest/list-digests';
import { formatDateTime, formatNumber, formatPercent, formatUsd } from '@/lib/web/format';

export const metadata: Metadata = { title: 'Daily digests' };

/** The digests managers were mailed, newest first: the same figures, kept as they were sent. */
export default async function DigestPage() {
  await requireUser('manager');
  const digests = await listDigests();
  return (
    <div className="max-w-4xl space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-xl font-semibold tracking-tight">Daily digests</h1>
        <Link href="/overview" className="text-sm font-medium text-brand-700 hover:underline">
          Overview
        </Link>
      </div>
      {digests.length === 0 ? <p className="text-sm text-slate-600">No digest yet: the first goes out at the time set in Settings → Schedules.</p> : null}
      {digests.map(({ day, figures, recipients, sentAt }) => (
        <section key={day} aria-labelledby={`digest-${day}`} className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id={`digest-${day}`} className="text-sm font-semibold text-slate-900">
            {day} <span className="font-normal text-slate-500">({figures.timeZone})</span>
          </h2>
          <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-sm md:grid-cols-3">
            <Figure label="Messages received" value={`${formatNumber(figures.messagesReceived)} (${formatNumber(figures.conversationsStarted)} new)`} />
            <Figure label="Automation rate" value={`${formatPercent(figures.automationRate)} of ${formatNumber(figures.sent)} sent`} />
            <Figure label="Edit rate" value={`${formatPercent(figures.editRate)} of ${formatNumber(figures.approvals)} approved`} />
            <Figure label="Needs a person" value={formatNumber(figures.needsPerson)} />
            <Figure label="SLA breaches" value={`${formatNumber(figures.slaBreaches)} (+${formatNumber(figures.reviewEscalations)} review escalations)`} />
            <Figure label="Model cost" value={formatUsd(figures.costUsd)} />
            <Figure label="Top categories" value={figures.topCategories.map((row) => `${row.category ?? 'unclassified'} ${row.conversations}`).join(', ') || '—'} />
            <Figure label="Demoted" value={figures.demotions.join(', ') || 'none'} />
          </dl>
          <p className="mt-2 text-xs text-slate-500">
            {sentAt ? `Mailed ${formatDateTime(sentAt)} to ${recipients.join(', ') || 'nobody (no managers)'}` : 'Not mailed yet'}
          </p>
        </section>
      ))}
    </div>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex justify-between gap-2 border-b border-slate-100 py-1">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right tabular-nums text-slate-900">{value}</dd>
    </div>
  );
}
