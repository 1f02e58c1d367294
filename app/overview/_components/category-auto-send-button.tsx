'use client';

import { useActionState } from 'react';
import { Button } from '@/components/button';
import { disableCategoryAutoSendAction, enableCategoryAutoSendAction, type CategoryAutoSendResult } from '../actions';

/** One click: turn auto-send on for a category that earned it, or off again. */
export function CategoryAutoSendButton({ category, enable }: { category: string; enable: boolean }) {
  const [result, formAction, pending] = useActionState<CategoryAutoSendResult, FormData>(
    enable ? enableCategoryAutoSendAction : disableCategoryAutoSendAction,
    null,
  );
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="category" value={category} />
      <Button type="submit" size="sm" variant={enable ? 'primary' : 'danger'} disabled={pending} aria-label={`${enable ? 'Enable' : 'Turn off'} auto-send for ${category}`}>
        {enable ? 'Enable auto-send' : 'Turn off'}
      </Button>
      {result && !result.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {result.error}
        </span>
      ) : null}
    </form>
  );
}
