import type { Metadata } from 'next';
import { requireUser } from '@/lib/web/auth';
import { listErasures } from '@/lib/features/erasure/request-erasure';
import { ErasureForm } from './erasure-form';

export const metadata: Metadata = { title: 'Erasure requests' };

const formatDate = (date: Date | null) => (date ? date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '—');

export default async function ErasurePage() {
  await requireUser('admin');
  const erasures = await listErasures();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-xl font-semibold">Erasure requests</h1>
        <p className="mt-1 text-sm text-slate-600">
          A customer’s right to erasure (GDPR article 17). Each step runs as a Temporal workflow and is retried until it is done; the list keeps no
          addresses, only what was removed.
        </p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <ErasureForm />
      </section>
      <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2 font-medium">Request</th>
            <th className="px-3 py-2 font-medium">Status</th>
            <th className="px-3 py-2 font-medium">Removed</th>
            <th className="px-3 py-2 font-medium">Requested</th>
            <th className="px-3 py-2 font-medium">Done</th>
          </tr>
        </thead>
        <tbody>
          {erasures.map((erasure) => (
            <tr key={erasure.id} className="border-t border-slate-100">
              <td className="px-3 py-2 font-mono text-xs">{erasure.id}</td>
              <td className="px-3 py-2">{erasure.status}</td>
              <td className="px-3 py-2 text-slate-600">
                {Object.entries((erasure.counts ?? {}) as Record<string, number>)
                  .map(([kind, count]) => `${count} ${kind}`)
                  .join(', ') || '—'}
              </td>
              <td className="px-3 py-2 text-slate-600">{formatDate(erasure.createdAt)}</td>
              <td className="px-3 py-2 text-slate-600">{formatDate(erasure.completedAt)}</td>
            </tr>
          ))}
          {erasures.length === 0 && (
            <tr>
              <td colSpan={5} className="px-3 py-6 text-center text-slate-500">
                No erasure requests yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
