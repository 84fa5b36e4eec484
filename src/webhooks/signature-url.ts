/**
 * Which URL string goes into the JWT's `url_hash`. The receiver does not see the configured
 * URL: it rebuilds one from the request line and Host header, so we hash what it will rebuild.
 */

export type SignatureUrlMode = 'exact' | 'without-port';

/**
 * `exact`: the URL as the HTTP client puts it on the wire, which is what the SDK's vanilla
 * example hashes (`${proto}://${req.headers.host}${req.url}`). For a URL that is already in
 * that form (`http://127.0.0.1:3011/webhook?x=1`) this is the input byte for byte.
 *
 * `without-port`: the same with any `:port` removed from the authority, for receivers using
 * the SDK's ExpressMiddlewareVerify, which rebuilds the URL from `req.hostname` (no port).
 *
 * Throws a TypeError if `url` is not an absolute URL.
 */
export function signatureUrl(url: string, mode: SignatureUrlMode): string {
  const parsed = new URL(url);
  // Built from WHATWG URL parts because fetch/undici and node:http derive the request line and
  // Host header from exactly these: an empty path is requested as `/`, a default port
  // (`:80`/`:443`) and the host's letter case are normalised away, `#fragment` and
  // `user:pass@` are never sent. A path and query given in wire form pass through unchanged.
  const authority = mode === 'without-port' ? parsed.hostname : parsed.host;
  return `${parsed.protocol}//${authority}${parsed.pathname}${parsed.search}`;
}
