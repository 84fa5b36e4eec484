/** Before spending a minute on load: can every server start and answer one 202? If not, say why once. */
import { coldStartOnce } from './cold-start.js';
import type { ServerSpec } from './settings.js';

export interface Launch {
  spec: ServerSpec;
  extraArgs: string[];
}

export async function preflight(launches: Launch[]): Promise<Error[]> {
  const failures: Error[] = [];
  for (const { spec, extraArgs } of launches) {
    try {
      await coldStartOnce(spec, extraArgs);
    } catch (error) {
      failures.push(error instanceof Error ? error : new Error(String(error)));
    }
  }
  return failures;
}
