/** Cold start: from spawn until the first 202 from POST /v1/send, median over several spawns. */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { postSend, type PostResult } from './post.js';
import { startServer } from './server-process.js';
import type { ServerSpec } from './settings.js';

const RETRY_DELAY_MS = 2;
const FIRST_202_TIMEOUT_MS = 10_000;

export interface ColdStartResult {
  medianMs: number;
  samplesMs: number[];
}

/**
 * One spawn. Connection errors are retried ("listening" may be printed a moment early);
 * an HTTP answer other than 202 is final, since waiting will not change it.
 */
export async function coldStartOnce(spec: ServerSpec, extraArgs: string[] = []): Promise<number> {
  const server = await startServer(spec, extraArgs);
  try {
    const deadline = performance.now() + FIRST_202_TIMEOUT_MS;
    let lastError = 'no attempt';
    while (performance.now() < deadline) {
      let answer: PostResult;
      try {
        answer = await postSend(server.baseUrl, 1_000);
      } catch (error) {
        lastError = (error as Error).message;
        await sleep(RETRY_DELAY_MS);
        continue;
      }
      if (answer.status === 202) return performance.now() - server.spawnedAt;
      throw new Error(`${spec.label}: POST /v1/send answered ${answer.status}, not 202: ${answer.body.slice(0, 300)}`);
    }
    throw new Error(`${spec.label}: no answer from POST /v1/send within ${FIRST_202_TIMEOUT_MS} ms (last: ${lastError})`);
  } finally {
    await server.stop();
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type ColdStartOutcome = ColdStartResult | Error;

/** Spawns of the given specs are interleaved so drift (cache, CPU frequency) hits all of them alike. */
export async function measureColdStarts(specs: ServerSpec[], runs: number): Promise<Map<ServerSpec, ColdStartOutcome>> {
  const samples = new Map<ServerSpec, number[]>(specs.map((spec) => [spec, []]));
  const failures = new Map<ServerSpec, Error>();
  for (let run = 0; run < runs; run++) {
    for (const spec of specs) {
      if (failures.has(spec)) continue;
      try {
        samples.get(spec)!.push(await coldStartOnce(spec));
      } catch (error) {
        failures.set(spec, error as Error);
      }
    }
  }
  return new Map(
    specs.map((spec) => {
      const failure = failures.get(spec);
      const values = samples.get(spec)!;
      return [spec, failure ?? { medianMs: median(values), samplesMs: values }];
    }),
  );
}
