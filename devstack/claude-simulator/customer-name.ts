// Finds the customer's first name for the greeting: the From display name first, then a
// sign-off ("Thanks,\nJane"), then an address like jane.doe@example.com. Null means "Hello,".

const SIGN_OFF = new RegExp(
  '^(thanks|thank you|many thanks|thanks again|best|best regards|kind regards|warm regards|regards|cheers|sincerely|' +
    'yours|all the best|viele grüße|liebe grüße|mit freundlichen grüßen|grüße|cordialement|bien à vous|merci|saludos|' +
    'un saludo|gracias|groeten|met vriendelijke groet|cordiali saluti|saluti|grazie|atenciosamente|obrigad[oa]|abraços)[,.!]*$',
  'i',
);
const NAME = /^\p{Lu}[\p{L}'-]{1,30}$/u;

function cleanName(candidate: string | undefined): string | null {
  const name = candidate?.replace(/[,.!]+$/, '').trim();
  return name && NAME.test(name) ? name : null;
}

function fromDisplayName(from: string): string | null {
  const display = from.replace(/<[^>]*>/, '').replace(/["']/g, '').trim();
  if (display && !display.includes('@')) {
    // "Doe, Jane" is the directory-style order; the given name comes after the comma.
    const parts = display.includes(',') ? (display.split(',')[1] ?? '').trim().split(/\s+/) : display.split(/\s+/);
    return cleanName(parts[0]);
  }
  const address = /([\w.+-]+)@/.exec(from)?.[1] ?? '';
  const dotted = /^([a-z]{2,})[._][a-z]{2,}$/i.exec(address);
  return dotted?.[1] ? cleanName(dotted[1].charAt(0).toUpperCase() + dotted[1].slice(1).toLowerCase()) : null;
}

function fromSignOff(body: string): string | null {
  const lines = body.split('\n').map((line) => line.trim()).filter(Boolean).slice(-4);
  for (let index = 0; index < lines.length - 1; index += 1) {
    if (SIGN_OFF.test(lines[index] ?? '')) return cleanName((lines[index + 1] ?? '').split(/\s+/)[0]);
  }
  const dash = /^[-–—]\s*(\S+)/.exec(lines.at(-1) ?? '');
  return cleanName(dash?.[1]);
}

export function customerFirstName(from: string | null, body: string): string | null {
  return (from ? fromDisplayName(from) : null) ?? fromSignOff(body);
}
