import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { DeliveryJob } from './dispatcher.js';
import type { DeliveryOutcome } from './retry-policy.js';
import { signWebhook } from './sign.js';
import { signatureUrl, type SignatureUrlMode } from './signature-url.js';

export interface PostDeps {
  clock: Clock;
  fetch: typeof fetch;
  signingKey: string | undefined;
  signatureUrl: SignatureUrlMode;
}

/** `ECONNREFUSED` rather than undici's bare "fetch failed". */
function networkErrorMessage(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  // fetch refuses the ports browsers block (1, 9, 6000, 6665–6669…) before connecting.
  if (cause?.message === 'bad port') return 'bad port: fetch refuses this port (browsers block it); run the receiver on another port';
  if (typeof cause?.message === 'string' && cause.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The only place that makes outbound HTTP: one POST of a job's exact bytes, signed anew (the JWT
 * lives 60 s), cut off after the target's timeout. Never throws: every end is an outcome.
 */
export async function postOnce(
  deps: PostDeps,
  job: DeliveryJob,
  controller: AbortController,
  shuttingDown: () => boolean,
): Promise<DeliveryOutcome> {
  const { clock } = deps;
  const { url, timeoutMs } = job.target;
  let timedOut = false;
  const timer = clock.setTimeout(() => ((timedOut = true), controller.abort()), timeoutMs);
  try {
    const headers: Record<string, string> = {
      ...job.target.headers,
      'Content-Type': 'application/json',
      'User-Agent': 'conversations-mock',
    };
    if (deps.signingKey !== undefined) {
      const signedUrl = signatureUrl(url, deps.signatureUrl);
      Object.assign(headers, signWebhook({ key: deps.signingKey, url: signedUrl, body: job.body, nowMs: clock.now(), jti: randomUUID() }));
    }
    const response = await deps.fetch(url, { method: 'POST', headers, body: job.body, signal: controller.signal, redirect: 'manual' });
    // Drained so the connection can be reused; a body cut short by the timeout still counts as answered.
    await response.arrayBuffer().catch(() => undefined);
    return { kind: 'status', status: response.status };
  } catch (error) {
    if (timedOut) return { kind: 'timeout', afterMs: timeoutMs };
    if (shuttingDown()) return { kind: 'network-error', message: 'aborted: mock shutting down' };
    return { kind: 'network-error', message: networkErrorMessage(error) };
  } finally {
    timer.cancel();
  }
}
