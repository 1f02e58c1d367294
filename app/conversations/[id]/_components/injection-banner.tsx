/**
 * Impossible to miss on purpose: when the classifier or screening suspects the email is
 * trying to instruct the AI, the agent must read the customer's words, not trust the draft.
 */
export function InjectionBanner({ reasons }: { reasons: string[] }) {
  return (
    <div role="alert" className="rounded-lg border-2 border-red-600 bg-red-600 px-4 py-3 text-white shadow-sm">
      <p className="flex items-center gap-2 text-sm font-bold uppercase tracking-wide">
        <span aria-hidden="true" className="text-lg">⚠</span> Possible prompt injection
      </p>
      <p className="mt-1 text-sm">
        This email may contain instructions aimed at the AI. Read the customer message yourself and check the draft
        does not follow them (links, payment or account changes, data disclosure).
      </p>
      {reasons.length > 0 ? (
        <ul className="mt-2 list-disc space-y-0.5 pl-5 text-sm">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
