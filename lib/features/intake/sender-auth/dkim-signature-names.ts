/**
 * The d= and s= of every DKIM-Signature header, read from the raw bytes as they came. mailauth
 * drops a signature whose d= it cannot parse and reports the mail as unsigned ("none"), so a
 * forged signature (espoofer A4: `d=victim.example'a.attacker.example`) would leave no trace;
 * reading the names here lets the checker record it as the failure it is.
 */
export function dkimSignatureNames(raw: Uint8Array): { domain: string; selector: string }[] {
  // latin1 keeps every byte as one character, NUL included: what a resolver would be handed.
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const header = (end < 0 ? text : text.slice(0, end)).replace(/\r?\n(?=[ \t])/g, '');
  return header
    .split(/\r?\n/)
    .filter((line) => /^dkim-signature\s*:/i.test(line))
    .map((line) => {
      const tags = new Map(
        line
          .slice(line.indexOf(':') + 1)
          .split(';')
          .map((tag) => {
            const at = tag.indexOf('=');
            return [tag.slice(0, Math.max(at, 0)).trim(), tag.slice(at + 1).replace(/[ \t\r\n]+/g, '')] as const;
          }),
      );
      return { domain: tags.get('d') ?? '', selector: tags.get('s') ?? '' };
    });
}
