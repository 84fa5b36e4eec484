import type { Faker } from '@faker-js/faker';
import { faker as english } from '@faker-js/faker/locale/en';

// The package root re-exports every locale (~80 ms to load); the English entry alone is a fraction
// of that, but exports only an instance, so new seeded instances are made from its class and data.
const FakerClass = english.constructor as new (options: { locale: Faker['rawDefinitions'][]; seed?: number }) => Faker;

/** An English faker of its own: seeded ones repeat their sequence across runs. */
export function createFaker(seed?: number): Faker {
  return new FakerClass({ locale: [english.rawDefinitions], ...(seed === undefined ? {} : { seed }) });
}
