'use client';

import { useTransition } from 'react';
import { Button } from '@/components/button';
import { setArchivedAction } from '../actions';

/** Archives (nothing retrieves it; drafts that cited it are flagged) or restores an article. */
export function ArchiveButton({ slug, archived }: { slug: string; archived: boolean }) {
  const [pending, start] = useTransition();
  return (
    <Button variant={archived ? 'secondary' : 'danger'} disabled={pending} onClick={() => start(async () => void (await setArchivedAction(null, { slug, archived: archived ? 'false' : 'true' })))}>
      {archived ? 'Restore' : 'Archive'}
    </Button>
  );
}
