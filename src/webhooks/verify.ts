/**
 * Checks a `MessageBird-Signature-JWT` the way the official SDKs do, but returns a reason in
 * plain words instead of throwing, so apps can assert on it in their own handler tests.
 */
import { timingSafeEqual } from 'node:crypto';
import { jwtSignature, sha256Hex, type JwtAlgorithm, type WebhookJwtClaims } from './sign.js';

export interface VerifyWebhookInput {
  key: string;
  /** The URL as the receiving handler rebuilt it from the request. */
  url: string;
  /** The raw body as received; a string is taken as its UTF-8 bytes. */
  body: Uint8Array | string;
  jwt: string;
  nowMs: number;
  clockToleranceSec?: number;
}

export type VerifyWebhookResult = { ok: true; claims: WebhookJwtClaims } | { ok: false; reason: string };

const ACCEPTED_ALGORITHMS: readonly string[] = ['HS256', 'HS384', 'HS512'] satisfies JwtAlgorithm[];

export function verifyWebhook(input: VerifyWebhookInput): VerifyWebhookResult {
  const { key, url, jwt, nowMs, clockToleranceSec = 5 } = input;
  const body = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  const fail = (reason: string): VerifyWebhookResult => ({ ok: false, reason });

  const parts = jwt.split('.');
  if (parts.length !== 3) return fail(`malformed token: expected 3 dot-separated parts, got ${parts.length}`);
  const [headerPart = '', claimsPart = '', signaturePart = ''] = parts;
  const header = decodeJsonPart(headerPart);
  const claims = decodeJsonPart(claimsPart);
  if (!header) return fail('malformed token: the header is not base64url-encoded JSON');
  if (!claims) return fail('malformed token: the claims are not base64url-encoded JSON');

  const alg = header['alg'];
  if (typeof alg !== 'string' || !ACCEPTED_ALGORITHMS.includes(alg)) {
    return fail(`unsupported algorithm ${JSON.stringify(alg)}: only HS256, HS384 and HS512 are accepted`);
  }
  const expected = jwtSignature(alg as JwtAlgorithm, key, `${headerPart}.${claimsPart}`);
  const actual = Buffer.from(signaturePart, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return fail('signature does not match: the token was signed with a different key, or altered');
  }

  if (claims['iss'] !== 'MessageBird') return fail(`iss is ${JSON.stringify(claims['iss'])}, expected "MessageBird"`);
  const nowSec = Math.floor(nowMs / 1000);
  const { nbf, exp } = claims;
  if (typeof nbf !== 'number') return fail('nbf claim is missing or not a number');
  if (typeof exp !== 'number') return fail('exp claim is missing or not a number');
  if (nbf > nowSec + clockToleranceSec) return fail(`token not valid yet: nbf ${nbf} is after now ${nowSec} (tolerance ${clockToleranceSec} s)`);
  if (exp <= nowSec - clockToleranceSec) return fail(`token expired: exp ${exp} is before now ${nowSec} (tolerance ${clockToleranceSec} s)`);
  if (typeof claims['jti'] !== 'string' || claims['jti'] === '') return fail('jti claim is missing or empty');

  const urlHash = claims['url_hash'];
  if (typeof urlHash !== 'string') return fail('url_hash claim is missing');
  if (urlHash.toLowerCase() !== sha256Hex(url)) {
    return fail(`url_hash does not match: the token was signed for a different URL than ${url} (check --signature-url)`);
  }

  const payloadHash = claims['payload_hash'];
  if (payloadHash === undefined) {
    if (body.length > 0) return fail('payload_hash claim is missing but the body is not empty: a body was added after signing');
  } else if (typeof payloadHash !== 'string') {
    return fail('payload_hash claim is not a string');
  } else if (body.length === 0) {
    return fail('payload_hash claim is set but the body is empty: the body was lost (read the raw body before any parser consumes it)');
  } else if (payloadHash.toLowerCase() !== sha256Hex(body)) {
    return fail('payload_hash does not match: the body differs from the signed bytes (hash the raw body, not re-serialised JSON)');
  }

  return { ok: true, claims: claims as unknown as WebhookJwtClaims };
}

function decodeJsonPart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
