import { Resolver } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { hostnameProblem } from '../../core/mail/hostname';

/** `dns.promises.resolve(name, rrtype)`'s shape: TXT answers are arrays of chunks. */
export type DnsResolve = (name: string, rrtype: string) => Promise<string[][] | string[]>;

/** What a refused name throws: mailauth reads `code`, an agent reads the message. */
export function invalidNameError(name: string, problem: string): Error {
  return Object.assign(new Error(`refused to look up an invalid host name: it ${problem}`), { code: 'EINVALIDNAME', hostname: name });
}

/**
 * Every lookup passes the one host-name check (lib/core/mail/hostname.ts) before it reaches a
 * resolver. Both resolvers below check again themselves, so neither path can be reached with
 * a name a C resolver would cut short.
 */
export function guardedResolver(resolve: DnsResolve): DnsResolve {
  return async (name, rrtype) => {
    const problem = hostnameProblem(name);
    if (problem) throw invalidNameError(name, problem);
    return resolve(name, rrtype);
  };
}

/**
 * DNS itself, with short timeouts so a dead resolver delays intake by seconds, not minutes.
 * `servers` (host:port) replaces the system's resolvers: tests point it at a local stub.
 */
export function systemResolver(options: { timeoutMs?: number; servers?: string[] } = {}): DnsResolve {
  const resolver = new Resolver({ timeout: options.timeoutMs ?? 3_000, tries: 2 });
  if (options.servers) resolver.setServers(options.servers);
  return guardedResolver((name, rrtype) => resolver.resolve(name, rrtype) as Promise<string[][] | string[]>);
}

const zoneSchema = z.record(z.string(), z.record(z.string(), z.array(z.union([z.string(), z.array(z.string())]))));
export type Zone = z.infer<typeof zoneSchema>;

/**
 * Answers from a fixed zone, `{ "name": { "TXT": [["v=spf1 …"]], "A": ["192.0.2.1"] } }`, as
 * strictly as DNS: a name or type it lacks is ENOTFOUND/ENODATA, never an empty success.
 * Used by tests and air-gapped installs (SENDER_AUTH_ZONE_FILE).
 */
export function zoneResolver(zone: Zone): DnsResolve {
  const lower = new Map(Object.entries(zone).map(([name, records]) => [name.toLowerCase().replace(/\.$/, ''), records]));
  return guardedResolver(async (name, rrtype) => {
    const records = lower.get(name.toLowerCase().replace(/\.$/, ''));
    if (!records) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    const answer = records[rrtype.toUpperCase()];
    if (!answer) throw Object.assign(new Error(`query${rrtype} ENODATA ${name}`), { code: 'ENODATA' });
    return rrtype.toUpperCase() === 'TXT' ? answer.map((entry) => (Array.isArray(entry) ? entry : [entry])) : (answer as string[]);
  });
}

export function zoneResolverFromFile(file: string): DnsResolve {
  return zoneResolver(zoneSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
}
