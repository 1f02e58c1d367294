'use client';

import { useActionState } from 'react';
import { Button } from '@/components/button';
import { archiveSavedReplyAction, type ArchiveSavedReplyResult } from './actions';

export function ArchiveButton({ id, archived }: { id: string; archived: boolean }) {
  const [result, formAction, pending] = useActionState<ArchiveSavedReplyResult, FormData>(archiveSavedReplyAction, null);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="archived" value={archived ? 'false' : 'true'} />
      <Button type="submit" size="sm" disabled={pending}>
        {archived ? 'Restore' : 'Archive'}
      </Button>
      {result && !result.ok ? <span className="text-xs text-red-700">{result.error}</span> : null}
    </form>
  );
}
