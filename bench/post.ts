/** One POST /v1/send with the bench's headers and body, on a fresh connection. */
import { request } from 'node:http';
import { REQUEST_BODY, REQUEST_HEADERS, SEND_PATH } from './settings.js';

export interface PostResult {
  status: number;
  body: string;
}

export function postSend(baseUrl: string, timeoutMs: number): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(SEND_PATH, baseUrl),
      { method: 'POST', agent: false, headers: { ...REQUEST_HEADERS, 'content-length': Buffer.byteLength(REQUEST_BODY) } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.once('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.once('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
    req.once('error', reject);
    req.end(REQUEST_BODY);
  });
}
