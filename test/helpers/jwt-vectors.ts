import { createRequire } from 'node:module';

/** One case of the official SDK's webhook-signature reference data (also in the Go SDK). */
export interface ReferenceVector {
  name: string;
  secret?: string;
  url: string;
  payload?: string;
  timestamp: string;
  token: string;
  valid: boolean;
  reason?: string;
}

export const referenceVectors = createRequire(import.meta.url)(
  'messagebird/lib/testdata/webhook-signature-jwt-reference.json',
) as ReferenceVector[];
