'use client';

import { Button } from '@/components/button';
import { useFormAction } from '@/components/use-form-action';
import type { ActionResult } from '@/lib/web/actions/action-result';
import { saveWebhookAction } from './actions';

/** A Slack-compatible incoming webhook URL: stored encrypted, never shown again. */
export function WebhookForm({ hasWebhook }: { hasWebhook: boolean }) {
  const { state, pending, formRef, onSubmit } = useFormAction<ActionResult | null>(saveWebhookAction, null, (result) => result?.ok === true);
  return (
    <section aria-labelledby="webhook-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="webhook-heading" className="font-semibold">
        Webhook (Slack and compatible)
      </h2>
      <p className="text-slate-600">
        {hasWebhook ? 'A webhook is set. It is stored encrypted and never shown again; enter a new one to replace it, or save an empty field to remove it.' : 'No webhook set. Paste an incoming-webhook URL (Slack, Mattermost, Rocket.Chat…): notices are posted as {"text": …}.'}
      </p>
      <form ref={formRef} onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
        <label htmlFor="webhook-url" className="sr-only">
          Webhook URL
        </label>
        <input id="webhook-url" name="url" type="url" autoComplete="off" placeholder="https://hooks.slack.com/services/…" className="min-w-[20rem] flex-1 rounded-md border-0 px-2 py-1.5 ring-1 ring-inset ring-slate-300" />
        <Button type="submit" disabled={pending}>
          Save webhook
        </Button>
        {state?.ok ? <span role="status" className="text-emerald-800">Saved.</span> : null}
      </form>
      {state && !state.ok ? <p role="alert" className="text-red-700">{state.fieldErrors?.url ?? state.error}</p> : null}
    </section>
  );
}
