import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSenderAuthChecker } from '../../../../../lib/features/intake/sender-auth/check-sender-auth';
import { systemResolver, zoneResolver, type DnsResolve, type Zone } from '../../../../../lib/platform/dns/resolver';
import { ESPOOFER_CASES } from '../../../../fixtures/espoofer/cases';
import { buildEspooferMessage } from '../../../../fixtures/espoofer/build-message';
import { startStubDns, type StubDnsServer } from '../../../../support/stub-dns-server';

// espoofer A3: d= the spoofed domain, s= "selector._domainkey.attack.example.\0.any", signed with
// the attacker's own key, published where a resolver that stops at the NUL will look.
const a3 = ESPOOFER_CASES.find((testCase) => testCase.id === 'server_a3')!;
const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 });
const attackerKey = attacker.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const attackerRecord = `v=DKIM1; k=rsa; p=${attacker.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
const zone: Zone = {
  'selector._domainkey.attack.example': { TXT: [[attackerRecord]] },
  // A zone file (or a DNS server) that holds the whole name, NUL and all, must not help either.
  [`${a3.dkim!.s}._domainkey.legitimate.example`]: { TXT: [[attackerRecord]] },
  '_dmarc.legitimate.example': { TXT: [['v=DMARC1; p=reject']] },
};

let dns: StubDnsServer;
beforeAll(async () => {
  dns = await startStubDns(zone);
});
afterAll(async () => {
  await dns?.close();
});

async function check(resolver: DnsResolve) {
  const raw = await buildEspooferMessage(a3, attackerKey);
  return createSenderAuthChecker({ resolver, timeoutMs: 5_000 }).check(raw, { ip: '192.0.2.66', helo: a3.helo, sender: 'any@33.attack.example' });
}

describe('espoofer A3: a DKIM selector holding a NUL byte', () => {
  const paths: [string, () => DnsResolve][] = [
    ['the zone file', () => zoneResolver(zone)],
    ['DNS (a stub server on an OS-picked port)', () => systemResolver({ servers: [dns.address], timeoutMs: 2_000 })],
  ];
  it.each(paths)('fails DKIM and DMARC through %s, and the record says why', async (path, resolver) => {
    dns.queries.length = 0;
    const results = await check(resolver());
    if (!results.checked) throw new Error('expected a check');
    expect(results.dkim).toHaveLength(1);
    expect(results.dkim[0]).toMatchObject({ result: 'fail', domain: 'legitimate.example', aligned: false });
    expect(results.dkim[0]?.comment).toMatch(/invalid s= .*NUL/);
    expect(results.dmarc).toMatchObject({ result: 'fail', domain: 'legitimate.example' });
    // Nothing of the attacker's name reached a resolver; the DMARC lookup did (on the DNS path).
    expect(dns.queries.filter((query) => query.includes('_domainkey'))).toEqual([]);
    if (path.startsWith('DNS')) expect(dns.queries).toContain('TXT _dmarc.legitimate.example');
  });

  it('a resolver handed the name directly refuses it on both paths (defence in depth)', async () => {
    const name = `${a3.dkim!.s}._domainkey.legitimate.example`;
    dns.queries.length = 0;
    await expect(zoneResolver(zone)(name, 'TXT')).rejects.toMatchObject({ code: 'EINVALIDNAME' });
    await expect(systemResolver({ servers: [dns.address] })(name, 'TXT')).rejects.toMatchObject({ code: 'EINVALIDNAME' });
    expect(dns.queries).toEqual([]);
    // The same stub answers a well-formed name: the refusal is the check, not a dead server.
    const answer = (await systemResolver({ servers: [dns.address] })('selector._domainkey.attack.example', 'TXT')) as string[][];
    expect(answer.map((chunks) => chunks.join(''))).toEqual([attackerRecord]);
  });
});

describe('espoofer A4: a d= holding a quote, which mailauth alone reports as "not signed"', () => {
  const a4 = ESPOOFER_CASES.find((testCase) => testCase.id === 'server_a4')!;
  const a4Zone: Zone = { ...zone, [`selector._domainkey.${a4.dkim!.d}`]: { TXT: [[attackerRecord]] } };
  it.each([
    ['the zone file', () => zoneResolver(a4Zone)],
    ['DNS', () => systemResolver({ servers: [dns.address], timeoutMs: 2_000 })],
  ] as [string, () => DnsResolve][])('is recorded as a failed signature through %s', async (_path, resolver) => {
    const raw = await buildEspooferMessage(a4, attackerKey);
    const results = await createSenderAuthChecker({ resolver: resolver(), timeoutMs: 5_000 }).check(raw, { ip: '192.0.2.66', helo: a4.helo, sender: 'any@attack.example' });
    if (!results.checked) throw new Error('expected a check');
    expect(results.dkim).toEqual([
      { result: 'fail', domain: "legitimate.example'a.attack.example", selector: 'selector', aligned: false, comment: expect.stringMatching(/^invalid d= .*character/) },
    ]);
    expect(results.dmarc.result).toBe('fail');
  });
});
