'use client';

import { useActionState } from 'react';
import { Button } from '@/components/button';
import { setUserDisabledAction, type SetUserDisabledResult } from './actions';

interface UserStatusButtonProps {
  userId: string;
  disabled: boolean;
}

export function UserStatusButton({ userId, disabled }: UserStatusButtonProps) {
  const [result, formAction, pending] = useActionState<SetUserDisabledResult, FormData>(setUserDisabledAction, null);
  return (
    <form action={formAction} className="flex items-center justify-end gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
      {result && !result.ok && <span className="text-xs text-red-700">{result.error}</span>}
      <Button type="submit" size="sm" disabled={pending}>
        {disabled ? 'Enable' : 'Disable'}
      </Button>
    </form>
  );
}
