import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, sha256Hex, signV4 } from '@/lib/platform/storage/s3/sign-v4';

// AWS's published examples (S3 "Signature Calculations for the Authorization Header" and the
// aws-sig-v4-test-suite). The example credentials are AWS's documentation placeholders.
const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const S3_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SUITE_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

describe('SigV4 signing (AWS published examples)', () => {
  it('GET Object with a Range header (S3 developer guide)', () => {
    const signed = signV4({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9' },
      payloadHash: EMPTY_SHA256,
      accessKeyId: ACCESS_KEY,
      secretAccessKey: S3_SECRET,
      region: 'us-east-1',
      service: 's3',
      date: new Date('2013-05-24T00:00:00Z'),
    });
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('PUT Object with a body, a Date header and a storage class; the key is encoded once', () => {
    const body = 'Welcome to Amazon S3.';
    const signed = signV4({
      method: 'PUT',
      url: new URL('https://examplebucket.s3.amazonaws.com/test$file.text'),
      headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
      payloadHash: sha256Hex(body),
      accessKeyId: ACCESS_KEY,
      secretAccessKey: S3_SECRET,
      region: 'us-east-1',
      service: 's3',
      date: new Date('2013-05-24T00:00:00Z'),
    });
    expect(signed.canonicalRequest.split('\n')[1]).toBe('/test%24file.text');
    expect(signed.signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  });

  it('GET with query parameters (S3 ListObjects example: max-keys, prefix)', () => {
    const signed = signV4({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J'),
      headers: {},
      payloadHash: EMPTY_SHA256,
      accessKeyId: ACCESS_KEY,
      secretAccessKey: S3_SECRET,
      region: 'us-east-1',
      service: 's3',
      date: new Date('2013-05-24T00:00:00Z'),
    });
    expect(signed.signature).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
  });

  it('changes the signature when any signed part changes', () => {
    const base = {
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: {},
      payloadHash: EMPTY_SHA256,
      accessKeyId: ACCESS_KEY,
      secretAccessKey: SUITE_SECRET,
      region: 'us-east-1',
      service: 's3',
      date: new Date('2015-08-30T12:36:00Z'),
    };
    const reference = signV4(base).signature;
    expect(signV4({ ...base, url: new URL('https://examplebucket.s3.amazonaws.com/test2.txt') }).signature).not.toBe(reference);
    expect(signV4({ ...base, region: 'eu-west-1' }).signature).not.toBe(reference);
    expect(signV4({ ...base, payloadHash: sha256Hex('x') }).signature).not.toBe(reference);
  });
});
