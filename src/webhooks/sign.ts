/**
 * Webhook signing as MessageBird does it: the `MessageBird-Signature-JWT` header plus the
 * legacy `MessageBird-Signature` / `MessageBird-Request-Timestamp` pair. Pure: the caller
 * supplies the time and the jti.
 */
import { createHash, createHmac } from 'node:crypto';
import { parse as parseQuery, stringify as stringifyQuery } from 'node:querystring';

export const SIGNATURE_JWT_HEADER = 'MessageBird-Signature-JWT';
export const LEGACY_SIGNATURE_HEADER = 'MessageBird-Signature';
export const LEGACY_TIMESTAMP_HEADER = 'MessageBird-Request-Timestamp';

export type JwtAlgorithm = 'HS256' | 'HS384' | 'HS512';

export interface WebhookJwtClaims {
  iss: 'MessageBird';
  nbf: number;
  exp: number;
  jti: string;
  url_hash: string;
  /** Present only when the body is non-empty. */
  payload_hash?: string;
}

export interface SignWebhookInput {
  /** The signing key, used as its UTF-8 bytes (a hex-looking key is not hex-decoded). */
  key: string;
  /** The URL the receiver will rebuild and hash; see signature-url.ts. */
  url: string;
  /** The exact bytes that will be sent. */
  body: Uint8Array;
  nowMs: number;
  /** A uuid v4. */
  jti: string;
}

const TOKEN_LIFETIME_SEC = 60;

const HASH_OF: Record<JwtAlgorithm, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** base64url without padding (RFC 7515 §2). */
export function base64url(data: Uint8Array | string): string {
  return Buffer.from(data).toString('base64url');
}

export function webhookJwtClaims({ url, body, nowMs, jti }: Omit<SignWebhookInput, 'key'>): WebhookJwtClaims {
  const nbf = Math.floor(nowMs / 1000);
  const claims: WebhookJwtClaims = { iss: 'MessageBird', nbf, exp: nbf + TOKEN_LIFETIME_SEC, jti, url_hash: sha256Hex(url) };
  if (body.length > 0) claims.payload_hash = sha256Hex(body);
  return claims;
}

/** The raw HMAC over `header.claims`; shared with the verifier so both hash the same bytes. */
export function jwtSignature(alg: JwtAlgorithm, key: string, signingInput: string): Buffer {
  return createHmac(HASH_OF[alg], Buffer.from(key, 'utf8')).update(signingInput).digest();
}

export function encodeJwt(claims: WebhookJwtClaims, key: string, alg: JwtAlgorithm = 'HS256'): string {
  const signingInput = `${base64url(JSON.stringify({ alg, typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${base64url(jwtSignature(alg, key, signingInput))}`;
}

export function signWebhook(input: SignWebhookInput): Record<string, string> {
  const timestampSec = Math.floor(input.nowMs / 1000);
  return {
    [SIGNATURE_JWT_HEADER]: encodeJwt(webhookJwtClaims(input), input.key),
    [LEGACY_TIMESTAMP_HEADER]: String(timestampSec),
    [LEGACY_SIGNATURE_HEADER]: legacySignature(input.key, timestampSec, input.url, input.body),
  };
}

/**
 * base64(HMAC-SHA256(key, `${timestamp}\n${sortedQuery}\n` + raw SHA-256 digest of the body)),
 * byte for byte what messagebird/lib/signature.js `generate()` recomputes.
 */
function legacySignature(key: string, timestampSec: number, url: string, body: Uint8Array): string {
  const prefix = Buffer.from(`${timestampSec}\n${sortedLegacyQuery(url)}\n`, 'utf8');
  const bodyDigest = createHash('sha256').update(body).digest();
  return createHmac('sha256', key).update(Buffer.concat([prefix, bodyDigest])).digest('base64');
}

/**
 * Mirrors the SDK verifier, which sees the query already parsed by the web framework
 * (`+` and %XX decoded), turns spaces in `statusDatetime` back into `+`, sorts the keys
 * into a fresh object and re-encodes it with node's querystring.stringify.
 */
function sortedLegacyQuery(url: string): string {
  const withoutFragment = url.split('#', 1)[0] ?? '';
  const queryStart = withoutFragment.indexOf('?');
  if (queryStart === -1) return '';
  const parsed = parseQuery(withoutFragment.slice(queryStart + 1));
  const statusDatetime = parsed['statusDatetime'];
  if (typeof statusDatetime === 'string') parsed['statusDatetime'] = statusDatetime.split(' ').join('+');
  const sorted: Record<string, string | string[]> = {};
  for (const name of Object.keys(parsed).sort()) sorted[name] = parsed[name] ?? '';
  return stringifyQuery(sorted);
}
