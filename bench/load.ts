/** One autocannon run of POST /v1/send, reduced to the numbers the bench reports. */
import autocannon, { type AutocannonResult } from 'autocannon';
import { REQUEST_BODY, REQUEST_HEADERS, SEND_PATH } from './settings.js';

export interface LoadRun {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** e.g. { "202": 51234, "500": 3 } */
  statusCounts: Record<string, number>;
}

function fire(baseUrl: string, connections: number, durationS: number): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: new URL(SEND_PATH, baseUrl).href,
        connections,
        duration: durationS,
        method: 'POST',
        headers: REQUEST_HEADERS,
        body: REQUEST_BODY,
        timeout: 10,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

export async function loadOnce(baseUrl: string, connections: number, durationS: number): Promise<LoadRun> {
  const result = await fire(baseUrl, connections, durationS);
  return {
    // Mean of the per-second samples.
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    // autocannon counts timeouts as errors too.
    errors: result.errors,
    timeouts: result.timeouts,
    statusCounts: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
  };
}
