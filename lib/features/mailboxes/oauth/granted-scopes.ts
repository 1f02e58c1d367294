/**
 * Whether a token response granted every required scope. Microsoft may answer a resource
 * scope in short form (IMAP.AccessAsUser.All), Google in full; case does not matter. No
 * scope in the response means "as asked" (RFC 6749 §5.1).
 */
export function grantedAll(granted: string | undefined, required: readonly string[]): boolean {
  if (granted === undefined) return true;
  const have = new Set(granted.split(/\s+/).filter(Boolean).map((scope) => scope.toLowerCase()));
  return required.every((scope) => {
    const full = scope.toLowerCase();
    const short = full.replace(/^https?:\/\/[^/]+\//, '');
    return have.has(full) || (short !== '' && have.has(short));
  });
}
