/** The bare, lower-cased address of "Name <a@b.c>" or "a@b.c". */
export function addressOf(value: string): string {
  const angle = /<([^<>]+)>/.exec(value);
  return (angle?.[1] ?? value).trim().toLowerCase();
}

/** The domain part of an address, used for our Message-IDs. */
export function domainOf(value: string): string {
  return addressOf(value).split('@')[1] ?? 'countersign.local';
}
