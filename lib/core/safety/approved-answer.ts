/**
 * An automatic reply assembled by code from approved text (the action-selector pattern): the
 * model only chose which passages fit; every word sent is a passage's, the greeting's or the
 * signature's. The one slot from outside, the customer's name, is used only when it looks like
 * a name, so a display name cannot carry a sentence into the reply.
 */
export const APPROVED_SIGN_OFF = 'Best regards,\nThe Support Team';

const NAME = /^[\p{L}][\p{L}'’. -]{0,39}$/u;

/** The first name for the greeting, or none when the name could be anything but a name. */
export function greetingName(name: string | null | undefined): string | null {
  const first = name?.trim().split(/\s+/)[0] ?? '';
  return NAME.test(first) ? first : null;
}

/** Passage text as a reply paragraph: Markdown headings and emphasis markers dropped. */
function asParagraph(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*#{1,6}\s/.test(line))
    .join('\n')
    .replace(/\*\*|__/g, '')
    .trim();
}

export function assembleApprovedAnswer(input: { customerName?: string | null; passages: readonly { text: string }[]; signOff?: string }): string {
  const name = greetingName(input.customerName);
  const body = input.passages.map((passage) => asParagraph(passage.text)).filter(Boolean).join('\n\n');
  return `${name ? `Hello ${name},` : 'Hello,'}\n\n${body}\n\n${input.signOff ?? APPROVED_SIGN_OFF}`;
}
