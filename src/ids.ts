import { randomUUID } from 'node:crypto';
import { createFaker } from './fake.js';

/** Message, conversation, contact and webhook ids: 32 lowercase hex characters, as the API's. */
export interface IdSource {
  next(): string;
}

export function createIds(seed?: number): IdSource {
  if (seed === undefined) return { next: () => randomUUID().replaceAll('-', '') };
  const faker = createFaker(seed);
  return { next: () => faker.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' }) };
}
