import type { Metadata } from 'next';
import { requireUser } from '@/lib/web/auth';
import { ImportForm } from './import-form';

export const metadata: Metadata = { title: 'Import articles' };

export default async function ImportArticlesPage() {
  await requireUser('manager');
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Import articles</h1>
      <p className="text-sm text-slate-600">
        New articles only: a slug that exists already, a file that cannot be read or an article over 100,000 characters refuses the whole upload.
      </p>
      <ImportForm />
    </div>
  );
}
