/**
 * Whether a name may be asked of DNS: the one check every name passes before any lookup
 * (SPF, DKIM, DMARC; the resolvers repeat it). DNS itself carries any byte in a label, but a
 * resolver library written in C stops at a NUL, so `s=sel._domainkey.attacker.\0.any` with
 * `d=victim` was looked up as the attacker's own key (espoofer A3). Only letter-digit-hyphen
 * labels pass, plus `_` for the service labels (`_dmarc`, `_domainkey`) and selectors that
 * use it; at most 63 bytes a label and 253 in all; one trailing dot at most.
 */
export function hostnameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'contains a NUL or another control character';
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  if (bare.length > 253) return 'is longer than 253 characters';
  for (const label of bare.split('.')) {
    if (label.length === 0) return 'has an empty label';
    if (label.length > 63) return 'has a label longer than 63 characters';
    if (!/^[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/.test(label)) return `has a label with a character a host name cannot hold ("${printable(label)}")`;
  }
  return undefined;
}

export function isValidHostname(name: string): boolean {
  return hostnameProblem(name) === undefined;
}

/** A label as an agent may read it: control characters spelled out, clipped. */
function printable(label: string): string {
  return [...label.slice(0, 40)].map((char) => (/[\p{L}\p{N}_.-]/u.test(char) ? char : `\\u{${char.codePointAt(0)?.toString(16)}}`)).join('');
}
