/**
 * Claude could not produce a reply that is safe to send (it refused, was cut off, the account
 * hit a billing or spend limit, the model is gone or down). Nothing is waiting on the model any
 * more: a person writes the reply, right below.
 */
export function NeedsPersonBanner({ reason }: { reason: string | null }) {
  return (
    <div role="alert" className="rounded-lg border-2 border-amber-500 bg-amber-50 px-4 py-3 text-amber-950 shadow-sm">
      <p className="text-sm font-bold">Needs a person</p>
      <p className="mt-1 text-sm">{reason ?? 'Claude could not produce a usable reply.'}</p>
      <p className="mt-1 text-sm">Nothing will be sent automatically. Write the reply yourself below; it goes out once, through the outbox.</p>
    </div>
  );
}
