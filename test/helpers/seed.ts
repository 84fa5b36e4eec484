import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../../src/paths.js';
import type { SendRequest } from '../../src/types/generated.js';

const fixture = (name: string) => JSON.parse(readFileSync(join(fixturesDir, 'valid', 'send-request', name), 'utf8')) as SendRequest;

/** The seed's messages, exactly as MessageBird's WhatsApp interactive quickstart sends them. */
export const seedButton = fixture('seed-button.json');
export const seedList = fixture('seed-list.json');

export const auth = { Authorization: 'AccessKey test-key', 'Content-Type': 'application/json' };

export const clone = <T>(value: T): T => structuredClone(value);

/** A response body as loosely typed JSON, for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = (res: Response): Promise<any> => res.json();
