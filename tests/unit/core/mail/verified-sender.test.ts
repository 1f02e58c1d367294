import { describe, expect, it } from 'vitest';
import { verifySender } from '../../../../lib/core/mail/verified-sender';

const pass = (domain: string) => ({ result: 'pass', domain });

describe('verifySender: the one meaning of "verified sender"', () => {
  it('is verified when the From domain itself passed DMARC', () => {
    expect(verifySender({ senderAddress: 'Ana@Customer.Example', dmarc: pass('customer.example') }, [])).toEqual({ verified: true, verification: 'dmarc_pass' });
  });

  it('is verified for a subdomain sender under its organization\'s policy', () => {
    const evidence = { senderAddress: 'ana@mail.customer.example', dmarc: { result: 'pass', domain: 'customer.example', fromDomain: 'mail.customer.example' } };
    expect(verifySender(evidence, [])).toEqual({ verified: true, verification: 'dmarc_pass' });
    // Records from before fromDomain was kept: the organizational domain or one below it.
    expect(verifySender({ senderAddress: 'ana@mail.customer.example', dmarc: pass('customer.example') }, []).verified).toBe(true);
    expect(verifySender({ senderAddress: 'ana@notcustomer.example', dmarc: pass('customer.example') }, []).verified).toBe(false);
  });

  it('is not verified when DMARC passed for another From than the one we read (parser differential)', () => {
    expect(verifySender({ senderAddress: 'admin@legitimate.example', dmarc: pass('attack.example') }, ['*'])).toEqual({ verified: false, verification: 'dmarc_other_domain' });
    const otherFrom = { senderAddress: 'admin@legitimate.example', dmarc: { result: 'pass', domain: 'legitimate.example', fromDomain: 'sub.legitimate.example' } };
    expect(verifySender(otherFrom, ['*'])).toEqual({ verified: false, verification: 'dmarc_other_domain' });
  });

  it('never lets an allow rule override a DMARC failure', () => {
    for (const rules of [['*'], ['legitimate.example'], ['admin@legitimate.example']]) {
      expect(verifySender({ senderAddress: 'admin@legitimate.example', dmarc: { result: 'fail', domain: 'legitimate.example' } }, rules)).toEqual({ verified: false, verification: 'dmarc_fail' });
    }
  });

  it('without a DMARC pass, only an explicit rule for that domain, address or everyone verifies', () => {
    const none = { senderAddress: 'ana@partner.example', dmarc: { result: 'none' } };
    expect(verifySender(none, []).verified).toBe(false);
    expect(verifySender(none, ['other.example', 'bob@partner.example', 'example']).verified).toBe(false);
    expect(verifySender(none, ['PARTNER.example'])).toEqual({ verified: true, verification: 'allow_rule' });
    expect(verifySender(none, [' ana@partner.example '])).toEqual({ verified: true, verification: 'allow_rule' });
    expect(verifySender({ senderAddress: 'ana@partner.example' }, ['*'])).toEqual({ verified: true, verification: 'allow_rule' });
    expect(verifySender({ senderAddress: 'ana@partner.example', dmarc: { result: 'temperror' } }, [])).toEqual({ verified: false, verification: 'no_dmarc_pass' });
  });

  it('is never verified without one usable mailbox, whatever DMARC or the rules say', () => {
    expect(verifySender({ senderAddress: null, dmarc: pass('legitimate.example') }, ['*'])).toEqual({ verified: false, verification: 'no_single_mailbox' });
  });
});
