import { neutralise, wrapUntrustedEmail, type UntrustedEmail } from './untrusted-content';

export interface ThreadEntry extends UntrustedEmail {
  direction: 'inbound' | 'outbound';
}

/** Messages dropped from the front of a long thread, summarised in one line. */
export interface OmittedMessages {
  count: number;
  inbound: number;
  from: string;
  until: string;
}

/**
 * The conversation as the model sees it: customer emails as untrusted data, our own sent
 * replies as context (neutralised too: an agent may have quoted the customer). Oldest first;
 * the newest customer email comes last. A thread shortened to fit the model's context window
 * says how many earlier messages were left out.
 */
export function renderThread(entries: readonly ThreadEntry[], omitted?: OmittedMessages): string {
  let index = 0;
  const parts = entries.map((entry) => {
    if (entry.direction === 'inbound') {
      index += 1;
      return wrapUntrustedEmail(entry, index);
    }
    return `<our_reply sent_at="${entry.sentAt}">\n${neutralise(entry.text)}\n</our_reply>`;
  });
  if (omitted && omitted.count > 0) {
    parts.unshift(
      `<earlier_messages count="${omitted.count}" from="${omitted.from}" until="${omitted.until}">` +
        `${omitted.count} earlier message(s) (${omitted.inbound} from the customer, ${omitted.count - omitted.inbound} from us) ` +
        'were left out to fit the model’s context window.</earlier_messages>',
    );
  }
  return `<conversation>\n${parts.join('\n\n')}\n</conversation>`;
}

/** Keeps the newest `keep` entries (at least the newest one) and describes what was dropped. */
export function shortenThread(entries: readonly ThreadEntry[], keep: number): { thread: ThreadEntry[]; omitted?: OmittedMessages } {
  const kept = Math.max(1, Math.min(entries.length, keep));
  if (kept === entries.length) return { thread: [...entries] };
  const dropped = entries.slice(0, entries.length - kept);
  return {
    thread: entries.slice(entries.length - kept),
    omitted: {
      count: dropped.length,
      inbound: dropped.filter((entry) => entry.direction === 'inbound').length,
      from: dropped[0]?.sentAt ?? '',
      until: dropped.at(-1)?.sentAt ?? '',
    },
  };
}

/** A cautious token estimate for fitting a thread: about three characters per token. */
export function estimateThreadTokens(entries: readonly ThreadEntry[]): number {
  return entries.reduce((sum, entry) => sum + Math.ceil((entry.text.length + entry.subject.length + 120) / 3), 0);
}

/** Drops the oldest messages until the rest fit in `budgetTokens` (the newest always stays). */
export function fitThread(entries: readonly ThreadEntry[], budgetTokens: number): { thread: ThreadEntry[]; omitted?: OmittedMessages } {
  let keep = entries.length;
  while (keep > 1 && estimateThreadTokens(entries.slice(entries.length - keep)) > budgetTokens) keep -= 1;
  return shortenThread(entries, keep);
}
