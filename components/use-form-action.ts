'use client';

import { startTransition, useActionState, useEffect, useRef, type FormEvent, type RefObject } from 'react';

interface FormAction<S> {
  state: Awaited<S>;
  pending: boolean;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

/**
 * useActionState without React's automatic form reset: a `<form action>` clears every
 * field after each submission, so one typo would wipe a filled-in form. Here the fields
 * are cleared only when `resetWhen(state)` says so (typically on success).
 */
export function useFormAction<S>(
  action: (previous: Awaited<S>, formData: FormData) => Promise<S>,
  initial: Awaited<S>,
  resetWhen: (state: Awaited<S>) => boolean = () => false,
): FormAction<S> {
  const [state, dispatch, pending] = useActionState<S, FormData>(action, initial);
  const formRef = useRef<HTMLFormElement>(null);
  const shouldReset = resetWhen(state);
  useEffect(() => {
    if (shouldReset) formRef.current?.reset();
  }, [state, shouldReset]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  return { state, pending, formRef, onSubmit };
}
