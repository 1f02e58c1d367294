import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/web/auth';
import { env } from '@/lib/platform/config/env';
import { getAutomationPolicy } from '@/lib/features/settings/automation-policy';
import { PolicyForm } from './policy-form';
import { BudgetForm } from './budget-form';
import { RetentionForm } from './retention-form';
import { getRetention } from '@/lib/features/retention/retention-setting';
import { getModelBudget } from '@/lib/features/settings/model-budget';
import { getCategoryStates } from '@/lib/features/autonomy/category-state';
import { DemotionNotices } from '../overview/_components/demotion-notices';
import { getScheduleTimes, getSlaPolicy } from '@/lib/features/settings/sla-settings';
import { SlaForm } from './sla-form';
import { ScheduleForm } from './schedule-form';
import { isRoundRobinEnabled } from '@/lib/features/assignment/round-robin-setting';
import { RoundRobinForm } from './round-robin-form';
import { AbTestForm } from './ab-test-form';
import { listAbTests } from '@/lib/features/ab-tests/read-ab-test';
import { DRAFT_TEMPLATE } from '@/lib/features/prompts/draft-prompt';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  await requireUser('manager');
  const [policy, budget, sla, times, roundRobin] = await Promise.all([getAutomationPolicy(), getModelBudget(), getSlaPolicy(), getScheduleTimes(), isRoundRobinEnabled()]);
  const demoted = (await getCategoryStates({ policy })).filter((state) => state.demoted);
  // Keep saved categories visible even if CATEGORIES no longer lists them.
  const categories = [...new Set([...env().CATEGORIES, ...policy.autoSendCategories])];
  return (
    <div className="max-w-3xl space-y-6">
      <div className="flex items-baseline justify-between">
        <h1 className="text-xl font-semibold">Automation policy</h1>
        <Link href="/settings/history" className="text-sm font-medium text-brand-700 hover:underline">
          Change history
        </Link>
      </div>
      <DemotionNotices demoted={demoted} />
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <PolicyForm policy={policy} categories={categories} />
      </section>
      <h2 className="text-lg font-semibold">Model spend budget</h2>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <BudgetForm budget={budget} />
      </section>
      <h2 className="text-lg font-semibold">Retention</h2>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <RetentionForm days={(await getRetention()).days} />
      </section>
      <h2 className="text-lg font-semibold">Response targets (SLA)</h2>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <SlaForm policy={sla} />
      </section>
      <h2 className="text-lg font-semibold">Schedules</h2>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <ScheduleForm times={times} />
      </section>
      <h2 className="text-lg font-semibold">Round-robin assignment</h2>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <RoundRobinForm enabled={roundRobin} />
      </section>
      <h2 className="text-lg font-semibold">A/B test of drafts</h2>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <AbTestForm tests={await listAbTests()} categories={categories} promptVersion={DRAFT_TEMPLATE.version} />
      </section>
    </div>
  );
}
