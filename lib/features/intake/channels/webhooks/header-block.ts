/** A raw header block ("Name: value" lines, folded continuations) as lower-case name → values. */
export function parseHeaderBlock(block: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
  for (const line of unfolded) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return headers;
}

export function headerRecord(headers: Map<string, string[]>): Record<string, string> {
  return Object.fromEntries([...headers].map(([name, values]) => [name, values.join('\n')]));
}
