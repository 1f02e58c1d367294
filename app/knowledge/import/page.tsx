import type { Metadata } from 'next';
import { KNOWLEDGE_LIMITS } from '@/lib/core/knowledge/limits';
import { formatBytes } from '@/lib/core/mail/attachment-policy';
import { requireUser } from '@/lib/web/auth';
import { ImportForm } from './import-form';

export const metadata: Metadata = { title: 'Import articles' };

export default async function ImportArticlesPage() {
  await requireUser('manager');
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Import articles</h1>
      <p className="text-sm text-slate-600">
        New articles only, up to {formatBytes(KNOWLEDGE_LIMITS.maxImportUploadBytes)} an upload: a slug that exists already, a file that cannot be read or an article over{' '}
        {KNOWLEDGE_LIMITS.maxArticleChars.toLocaleString('en')} characters refuses the whole upload.
      </p>
      <ImportForm />
    </div>
  );
}
