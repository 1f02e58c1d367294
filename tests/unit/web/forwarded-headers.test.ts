import { describe, expect, it } from 'vitest';
import { clientAddress, settleForwardedHeaders, trustedProxies } from '../../../lib/web/forwarded-headers';

const nobody = trustedProxies([]);
const nginx = trustedProxies(['127.0.0.1', '10.0.0.0/8']);

describe('whose address a request comes from', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', '1.2.3.4', nobody)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', undefined, nobody)).toBe('203.0.113.9');
    // A trusted range does not make a stranger trusted.
    expect(clientAddress('203.0.113.9', '1.2.3.4', nginx)).toBe('203.0.113.9');
  });

  it('walks the chain from the right past trusted proxies only', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.7', nginx)).toBe('198.51.100.7');
    // The client wrote the leftmost entry itself; the proxy appended the real one.
    expect(clientAddress('127.0.0.1', '1.1.1.1, 198.51.100.7', nginx)).toBe('198.51.100.7');
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.7, 10.1.2.3', nginx)).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', 'not-an-ip, 10.1.2.3', nginx)).toBe('10.1.2.3');
  });
});

describe('settleForwardedHeaders', () => {
  it('drops forwarding headers from strangers and pins X-Forwarded-For to the peer', () => {
    const headers: Record<string, string | string[] | undefined> = {
      'x-forwarded-for': '1.2.3.4',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
      'x-real-ip': '1.2.3.4',
      forwarded: 'for=1.2.3.4',
      host: 'inbox.example',
    };
    settleForwardedHeaders(headers, '203.0.113.9', nobody);
    expect(headers).toEqual({ 'x-forwarded-for': '203.0.113.9', host: 'inbox.example' });
  });

  it('keeps a trusted proxy’s host and protocol and resolves the client', () => {
    const headers: Record<string, string | string[] | undefined> = { 'x-forwarded-for': '1.1.1.1, 198.51.100.7', 'x-forwarded-host': 'inbox.example', 'x-forwarded-proto': 'https' };
    settleForwardedHeaders(headers, '127.0.0.1', nginx);
    expect(headers).toEqual({ 'x-forwarded-for': '198.51.100.7', 'x-forwarded-host': 'inbox.example', 'x-forwarded-proto': 'https' });
  });
});
