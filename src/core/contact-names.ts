import { createFaker } from '../fake.js';

export interface PersonName {
  firstName: string;
  lastName: string;
}

/** FNV-1a: a small stable hash so one phone number always gets the same name. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * A realistic name per phone number, stable for a given seed whatever order numbers appear in.
 * The name depends only on (seed, msisdn), so runs with the same seed agree.
 */
export function createNameSource(seed = 0): (msisdn: string) => PersonName {
  const faker = createFaker();
  return (msisdn) => {
    faker.seed(hash(`${seed}:${msisdn}`));
    return { firstName: faker.person.firstName(), lastName: faker.person.lastName() };
  };
}
