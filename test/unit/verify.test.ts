import { describe, it, expect } from 'vitest';
import { base64url, encodeJwt, signWebhook, webhookJwtClaims, SIGNATURE_JWT_HEADER } from '../../src/webhooks/sign.js';
import { verifyWebhook } from '../../src/webhooks/verify.js';
import { referenceVectors } from '../helpers/jwt-vectors.js';

const vectors = referenceVectors;

const KEY = 'test-signing-key';
const WEBHOOK_URL = 'http://127.0.0.1:3011/webhook';
const BODY = Buffer.from('{"type":"message.created"}', 'utf8');
const NOW_MS = Date.parse('2026-01-15T10:00:00Z');
const JTI = '0b7e3c1a-6a0f-4a57-9d52-2f6c1c7c0d11';

const signed = (overrides: { url?: string; body?: Buffer; nowMs?: number; key?: string } = {}): string =>
  signWebhook({ key: KEY, url: WEBHOOK_URL, body: BODY, nowMs: NOW_MS, jti: JTI, ...overrides })[SIGNATURE_JWT_HEADER] ?? '';

const verify = (jwt: string, overrides: { url?: string; body?: Buffer | string; nowMs?: number; key?: string } = {}) =>
  verifyWebhook({ key: KEY, url: WEBHOOK_URL, body: BODY, jwt, nowMs: NOW_MS, ...overrides });

describe('verifyWebhook against the SDK reference vectors', () => {
  it.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
    const result = verifyWebhook({
      key: vector.secret ?? '',
      url: vector.url,
      body: Buffer.from(vector.payload ?? '', 'utf8'),
      jwt: vector.token,
      nowMs: Date.parse(vector.timestamp),
    });
    expect(result.ok, result.ok ? vector.name : result.reason).toBe(vector.valid);
    // The vectors' reasons are Go's wording; ours must at least name the same culprit.
    const culprit = vector.reason?.match(/nbf|exp|url_hash|payload_hash|signature|none/)?.[0];
    if (culprit) expect(result.ok ? '' : result.reason).toContain(culprit);
  });
});

describe('verifyWebhook', () => {
  it('accepts its own signer and returns the claims', () => {
    const result = verify(signed());
    expect(result).toEqual({ ok: true, claims: webhookJwtClaims({ url: WEBHOOK_URL, body: BODY, nowMs: NOW_MS, jti: JTI }) });
  });

  it('accepts a string body as its UTF-8 bytes', () => {
    expect(verify(signed(), { body: BODY.toString('utf8') }).ok).toBe(true);
  });

  it.each([
    ['a different key', signed(), { key: 'other-key' }, /signature does not match/],
    ['a different URL', signed(), { url: 'http://127.0.0.1/webhook' }, /url_hash does not match.*--signature-url/],
    ['a changed body', signed(), { body: Buffer.from('{"type":"message.updated"}') }, /payload_hash does not match/],
    ['a lost body', signed(), { body: Buffer.alloc(0) }, /payload_hash claim is set but the body is empty/],
    ['an added body', signed({ body: Buffer.alloc(0) }), {}, /payload_hash claim is missing but the body is not empty/],
    ['a token from 2 minutes ago', signed({ nowMs: NOW_MS - 120_000 }), {}, /token expired/],
    ['a token from 10 s in the future', signed({ nowMs: NOW_MS + 10_000 }), {}, /not valid yet/],
    ['garbage', 'not-a-jwt', {}, /malformed token/],
  ] as const)('rejects %s', (_name, jwt, overrides, reason) => {
    const result = verify(jwt, overrides);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });

  it('allows the clock tolerance either side', () => {
    expect(verify(signed({ nowMs: NOW_MS + 4_000 })).ok).toBe(true);
    expect(verify(signed({ nowMs: NOW_MS - 64_000 })).ok).toBe(true);
    expect(verifyWebhook({ key: KEY, url: WEBHOOK_URL, body: BODY, jwt: signed({ nowMs: NOW_MS - 61_000 }), nowMs: NOW_MS, clockToleranceSec: 0 }).ok).toBe(false);
  });

  it('rejects alg none even with a well-formed claim set', () => {
    const claims = webhookJwtClaims({ url: WEBHOOK_URL, body: BODY, nowMs: NOW_MS, jti: JTI });
    const unsigned = `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}.`;
    expect(verify(unsigned)).toEqual({ ok: false, reason: expect.stringMatching(/unsupported algorithm "none"/) });
  });

  it('accepts HS384 and HS512 tokens', () => {
    const claims = webhookJwtClaims({ url: WEBHOOK_URL, body: BODY, nowMs: NOW_MS, jti: JTI });
    expect(verify(encodeJwt(claims, KEY, 'HS384')).ok).toBe(true);
    expect(verify(encodeJwt(claims, KEY, 'HS512')).ok).toBe(true);
  });

  it.each([
    ['a wrong issuer', { iss: 'Someone' }, /iss is "Someone"/],
    ['no jti', { jti: '' }, /jti claim is missing/],
    ['no nbf', { nbf: undefined }, /nbf claim is missing/],
    ['no url_hash', { url_hash: undefined }, /url_hash claim is missing/],
  ])('rejects a correctly signed token with %s', (_name, patch, reason) => {
    const claims = { ...webhookJwtClaims({ url: WEBHOOK_URL, body: BODY, nowMs: NOW_MS, jti: JTI }), ...patch };
    const result = verify(encodeJwt(claims as Parameters<typeof encodeJwt>[0], KEY));
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });
});
