import net from 'node:net';

/** Headers by which a proxy tells us about the client; from anyone else they are lies. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'];

export interface TrustedProxies {
  trusts(address: string): boolean;
}

/** IPv4-mapped IPv6 (`::ffff:127.0.0.1`, as Node reports IPv4 peers on a dual-stack socket) as plain IPv4. */
export function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
}

/** TRUST_PROXY's addresses and CIDR ranges. */
export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const type = net.isIPv6(address) ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return {
    trusts(address) {
      const plain = plainAddress(address);
      const type = net.isIPv6(plain) ? 'ipv6' : net.isIPv4(plain) ? 'ipv4' : undefined;
      return type !== undefined && entries.length > 0 && list.check(plain, type);
    },
  };
}

/**
 * The client's address: the socket peer, unless that peer is a trusted proxy; then the
 * X-Forwarded-For chain is walked from the right past trusted proxies to the first hop
 * that is not one (everything left of it was written by the client and proves nothing).
 */
export function clientAddress(peer: string, forwardedFor: string | undefined, proxies: TrustedProxies): string {
  let client = plainAddress(peer);
  if (!forwardedFor || !proxies.trusts(client)) return client;
  const hops = forwardedFor.split(',').map((hop) => plainAddress(hop.trim())).filter(Boolean);
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index] ?? '';
    if (net.isIP(hop) === 0) break;
    client = hop;
    if (!proxies.trusts(hop)) break;
  }
  return client;
}

/**
 * Rewrites a request's forwarding headers in place before Next sees it: a request from a
 * trusted proxy keeps its Host/Proto headers, anyone else's are dropped; X-Forwarded-For
 * is always exactly one address, the client's, which the sign-in limits key on.
 */
export function settleForwardedHeaders(headers: Record<string, string | string[] | undefined>, peer: string, proxies: TrustedProxies): void {
  const forwardedFor = [headers['x-forwarded-for']].flat().filter(Boolean).join(',');
  const client = clientAddress(peer, forwardedFor || undefined, proxies);
  if (!proxies.trusts(peer)) for (const name of FORWARDING_HEADERS) delete headers[name];
  headers['x-forwarded-for'] = client;
}
