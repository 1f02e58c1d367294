import { EmptyState } from '@/components/empty-state';

/** Without a local mail catcher, replies go to a real SMTP relay and there is nothing to show. */
export function RelayNotice() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">Outbox</h1>
      <EmptyState title="Replies go to a real SMTP relay">
      MAILCATCHER_URL is not set, so sent replies are delivered through SMTP_URL and are not captured here. The Sent queue in the inbox
      lists every reply Countersign sent.
      </EmptyState>
    </div>
  );
}

export function CatcherUnreachable({ message }: { message: string }) {
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
      {message}
    </div>
  );
}
