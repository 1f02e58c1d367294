import type { Metadata } from 'next';
import { requireUser } from '@/lib/web/auth';
import { changedFields } from '@/lib/features/audit/changed-fields';
import { listAuditLog } from '@/lib/features/audit/list-audit-log';

export const metadata: Metadata = { title: 'Settings history' };

const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

export default async function SettingsHistoryPage() {
  await requireUser('manager');
  const entries = await listAuditLog({ actionPrefixes: ['settings.', 'autonomy.category.'], limit: 200 });
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-xl font-semibold">Settings history</h1>
      {entries.length === 0 && <p className="text-sm text-slate-600">No changes yet: the policy comes from the environment defaults.</p>}
      <ol className="space-y-4">
        {entries.map((entry) => (
          <li key={entry.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <p className="text-slate-600">
              <time dateTime={entry.createdAt.toISOString()}>{entry.createdAt.toISOString().replace('T', ' ').slice(0, 19)} UTC</time>
              {' · '}
              <span className="font-medium text-slate-900">{entry.actor ? `${entry.actor.name} <${entry.actor.email}>` : 'system'}</span>
              {' · '}
              {entry.action}
            </p>
            <table className="mt-2 w-full text-left">
              <tbody>
                {changedFields(entry.before, entry.after).map((change) => (
                  <tr key={change.field} className="border-t border-slate-100">
                    <td className="py-1 pr-4 font-mono text-xs">{change.field}</td>
                    <td className="py-1 pr-4 font-mono text-xs text-red-700 line-through">{show(change.before)}</td>
                    <td className="py-1 font-mono text-xs text-green-700">{show(change.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ol>
    </div>
  );
}
