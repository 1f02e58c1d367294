'use client';

import { useActionState } from 'react';
import { Button } from '@/components/button';
import type { ActionResult } from '@/lib/web/actions/action-result';
import { markReadAction } from './actions';

export function MarkReadButton({ id, label }: { id?: string; label: string }) {
  const [, formAction, pending] = useActionState<ActionResult<{ count: number }> | null, FormData>(markReadAction, null);
  return (
    <form action={formAction}>
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <Button type="submit" size="sm" variant="ghost" disabled={pending}>
        {label}
      </Button>
    </form>
  );
}
