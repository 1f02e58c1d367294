import type { Metadata } from 'next';
import { requireUser } from '@/lib/web/auth';
import { ArticleForm } from '../_components/article-form';

export const metadata: Metadata = { title: 'New article' };

export default async function NewArticlePage() {
  await requireUser('manager');
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">New article</h1>
      <ArticleForm mode="create" />
    </div>
  );
}
