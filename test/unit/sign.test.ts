import { createRequire } from 'node:module';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import {
  encodeJwt,
  sha256Hex,
  signWebhook,
  webhookJwtClaims,
  LEGACY_SIGNATURE_HEADER,
  LEGACY_TIMESTAMP_HEADER,
  SIGNATURE_JWT_HEADER,
  type JwtAlgorithm,
} from '../../src/webhooks/sign.js';
import { signatureUrl } from '../../src/webhooks/signature-url.js';
import { referenceVectors } from '../helpers/jwt-vectors.js';

interface SdkJwtVerifier {
  verify(url: string, payload: Buffer | null, jwt: string, key: KeyObject | null, opts?: unknown): Promise<true>;
  VerifyOptions: new () => { jwtVerifyOptions: { currentDate?: Date } };
}

interface SdkLegacyVerifier {
  generate(req: LegacyRequest, key: string): Buffer;
  isValid(req: LegacyRequest, generated: Buffer): boolean;
}
interface LegacyRequest {
  headers: Record<string, string>;
  query: Record<string, string>;
  body: Buffer;
}

const require = createRequire(import.meta.url);
const vectors = referenceVectors;
const sdkJwt = require('messagebird/lib/webhook-signature-jwt') as SdkJwtVerifier;
const sdkLegacy = require('messagebird/lib/signature.js') as SdkLegacyVerifier;

const KEY = 'test-signing-key';
const WEBHOOK_URL = 'http://127.0.0.1:3011/webhook?channel=wa';
const BODY = Buffer.from('{"type":"message.created","message":{"id":"m1"}}', 'utf8');
const NOW_MS = Date.parse('2026-01-15T10:00:00Z');
const JTI = '0b7e3c1a-6a0f-4a57-9d52-2f6c1c7c0d11';

function decodeClaims(token: string): { jti: string } {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

function sdkAccepts(url: string, body: Buffer, jwt: string, key: string, atMs: number): Promise<true> {
  const opts = new sdkJwt.VerifyOptions();
  opts.jwtVerifyOptions.currentDate = new Date(atMs);
  return sdkJwt.verify(url, body, jwt, createSecretKey(Buffer.from(key, 'utf8')), opts);
}

describe('signWebhook JWT against the SDK reference vectors', () => {
  const validVectors = vectors.filter((v) => v.valid);

  it('the file holds the expected cases', () => {
    expect(vectors).toHaveLength(44);
    expect(validVectors).toHaveLength(24);
  });

  it.each(validVectors.map((v) => [v.name, v] as const))('rebuilds %s', (_name, vector) => {
    const alg = JSON.parse(Buffer.from(vector.token.split('.')[0] ?? '', 'base64url').toString()).alg as JwtAlgorithm;
    const input = {
      key: vector.secret ?? '',
      url: vector.url,
      body: Buffer.from(vector.payload ?? '', 'utf8'),
      nowMs: Date.parse(vector.timestamp),
      jti: decodeClaims(vector.token).jti,
    };
    const token = alg === 'HS256' ? signWebhook(input)[SIGNATURE_JWT_HEADER] : encodeJwt(webhookJwtClaims(input), input.key, alg);
    expect(token).toBe(vector.token);
  });
});

describe('the official SDK verifying our tokens', () => {
  const token = signWebhook({ key: KEY, url: WEBHOOK_URL, body: BODY, nowMs: NOW_MS, jti: JTI })[SIGNATURE_JWT_HEADER] ?? '';

  it('accepts a token for the exact URL and body', async () => {
    await expect(sdkAccepts(WEBHOOK_URL, BODY, token, KEY, NOW_MS + 30_000)).resolves.toBe(true);
  });

  it('accepts an empty body signed without payload_hash', async () => {
    const empty = signWebhook({ key: KEY, url: WEBHOOK_URL, body: Buffer.alloc(0), nowMs: NOW_MS, jti: JTI })[SIGNATURE_JWT_HEADER] ?? '';
    expect(decodeClaims(empty)).not.toHaveProperty('payload_hash');
    await expect(sdkAccepts(WEBHOOK_URL, Buffer.alloc(0), empty, KEY, NOW_MS)).resolves.toBe(true);
  });

  it('rejects a tampered body', async () => {
    const tampered = Buffer.from(BODY.toString().replace('m1', 'm2'));
    await expect(sdkAccepts(WEBHOOK_URL, tampered, token, KEY, NOW_MS)).rejects.toThrow(/payload_hash/);
  });

  it('rejects a different URL', async () => {
    await expect(sdkAccepts('http://127.0.0.1/webhook?channel=wa', BODY, token, KEY, NOW_MS)).rejects.toThrow(/url_hash/);
  });

  it('rejects a different key', async () => {
    await expect(sdkAccepts(WEBHOOK_URL, BODY, token, 'another-key', NOW_MS)).rejects.toThrow(/signature verification failed/);
  });

  it('rejects an expired token', async () => {
    const old = signWebhook({ key: KEY, url: WEBHOOK_URL, body: BODY, nowMs: NOW_MS - 3_600_000, jti: JTI })[SIGNATURE_JWT_HEADER] ?? '';
    await expect(sdkAccepts(WEBHOOK_URL, BODY, old, KEY, NOW_MS)).rejects.toThrow(/"exp" claim/);
  });

  it('accepts a without-port URL the way ExpressMiddlewareVerify rebuilds it', async () => {
    const signed = signWebhook({ key: KEY, url: signatureUrl(WEBHOOK_URL, 'without-port'), body: BODY, nowMs: NOW_MS, jti: JTI });
    const rebuiltByExpress = 'http://127.0.0.1/webhook?channel=wa'; // `${req.protocol}://${req.hostname}${req.originalUrl}`
    await expect(sdkAccepts(rebuiltByExpress, BODY, signed[SIGNATURE_JWT_HEADER] ?? '', KEY, NOW_MS)).resolves.toBe(true);
  });
});

describe('signWebhook legacy MessageBird-Signature', () => {
  const LEGACY_KEY = 'PlLrKaqvZNRR5zAjm42ZT6q1SQxgbbGd';
  const LEGACY_TS = 1547198231;
  // The SDK's vector, with the query deliberately out of order to prove it is sorted.
  const shuffledUrl =
    'https://example.com/dlr?status=delivered&reference=FOO&id=eef0ab57a9e049be946f3821568c2b2e&statusDatetime=2019-01-11T09%3A17%3A11%2B00%3A00&recipient=31612345678&ported=1&mccmnc=20408';
  const headers = signWebhook({ key: LEGACY_KEY, url: shuffledUrl, body: Buffer.alloc(0), nowMs: LEGACY_TS * 1000 + 999, jti: JTI });

  it('matches the SDK test vector', () => {
    expect(headers[LEGACY_TIMESTAMP_HEADER]).toBe('1547198231');
    expect(headers[LEGACY_SIGNATURE_HEADER]).toBe('KVBdcVdz2lYMwcBLZCRITgxUfA/WkwSi+T3Wxl2HL6w=');
  });

  it('treats an unencoded + in statusDatetime as the SDK does', () => {
    const rawPlus = shuffledUrl.replace('2019-01-11T09%3A17%3A11%2B00%3A00', '2019-01-11T09:17:11+00:00');
    const again = signWebhook({ key: LEGACY_KEY, url: rawPlus, body: Buffer.alloc(0), nowMs: LEGACY_TS * 1000, jti: JTI });
    expect(again[LEGACY_SIGNATURE_HEADER]).toBe('KVBdcVdz2lYMwcBLZCRITgxUfA/WkwSi+T3Wxl2HL6w=');
  });

  it.each([
    ['an empty body', Buffer.alloc(0), WEBHOOK_URL],
    ['a JSON body and no query', BODY, 'http://127.0.0.1:3011/webhook'],
    ['a JSON body and a query', BODY, shuffledUrl],
  ])('is accepted by the SDK legacy verifier with %s', (_name, body, url) => {
    const signed = signWebhook({ key: LEGACY_KEY, url, body, nowMs: NOW_MS, jti: JTI });
    const req: LegacyRequest = {
      headers: {
        'messagebird-request-timestamp': signed[LEGACY_TIMESTAMP_HEADER] ?? '',
        'messagebird-signature': signed[LEGACY_SIGNATURE_HEADER] ?? '',
      },
      query: Object.fromEntries(new URL(url).searchParams), // what a framework hands the verifier
      body,
    };
    expect(sdkLegacy.isValid(req, sdkLegacy.generate(req, LEGACY_KEY))).toBe(true);
  });
});

describe('signWebhook claims', () => {
  it('hashes the exact URL and body, with a 60 s lifetime', () => {
    const claims = webhookJwtClaims({ url: WEBHOOK_URL, body: BODY, nowMs: NOW_MS + 999, jti: JTI });
    expect(claims).toEqual({
      iss: 'MessageBird',
      nbf: NOW_MS / 1000,
      exp: NOW_MS / 1000 + 60,
      jti: JTI,
      url_hash: sha256Hex(WEBHOOK_URL),
      payload_hash: sha256Hex(BODY),
    });
    expect(sha256Hex('https://example.com/')).toBe('0f115db062b7c0dd030b16878c99dea5c354b49dc37b38eb8846179c7783e9d7');
  });
});

describe('signatureUrl', () => {
  it.each([
    ['http://127.0.0.1:3011/webhook', 'exact', 'http://127.0.0.1:3011/webhook'],
    ['http://127.0.0.1:3011/webhook', 'without-port', 'http://127.0.0.1/webhook'],
    ['https://example.com:8080/a/b?z=1&a=2', 'exact', 'https://example.com:8080/a/b?z=1&a=2'],
    ['https://example.com:8080/a/b?z=1&a=2', 'without-port', 'https://example.com/a/b?z=1&a=2'],
    ['https://example.com/?obj%5Bfield1%5D=val1&param=value+with+spaces', 'exact', 'https://example.com/?obj%5Bfield1%5D=val1&param=value+with+spaces'],
    ['http://localhost:3000/hook?next=http://x:1/', 'without-port', 'http://localhost/hook?next=http://x:1/'],
    ['http://[::1]:3011/webhook', 'without-port', 'http://[::1]/webhook'],
    ['http://host:1', 'exact', 'http://host:1/'],
    ['http://host:1?a=1', 'exact', 'http://host:1/?a=1'],
    ['http://host:80/hook', 'exact', 'http://host/hook'],
    ['http://user:pw@Example.COM:3011/hook#frag', 'exact', 'http://example.com:3011/hook'],
  ] as const)('%s (%s) → %s', (url, mode, expected) => {
    expect(signatureUrl(url, mode)).toBe(expected);
  });

  it('rejects a relative URL', () => {
    expect(() => signatureUrl('/webhook', 'exact')).toThrow(TypeError);
  });
});
