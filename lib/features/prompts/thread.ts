import { wrapUntrustedEmail, type UntrustedEmail } from './untrusted-content';

export interface ThreadEntry extends UntrustedEmail {
  direction: 'inbound' | 'outbound';
}

/**
 * The conversation as the model sees it: customer emails as untrusted data, our own sent
 * replies as plain context. Oldest first; the newest customer email comes last.
 */
export function renderThread(entries: readonly ThreadEntry[]): string {
  let index = 0;
  const parts = entries.map((entry) => {
    if (entry.direction === 'inbound') {
      index += 1;
      return wrapUntrustedEmail(entry, index);
    }
    return `<our_reply sent_at="${entry.sentAt}">\n${entry.text}\n</our_reply>`;
  });
  return `<conversation>\n${parts.join('\n\n')}\n</conversation>`;
}
