import { createFaker } from './fake.js';

/** Random choices (which button the simulated user presses); seeded, they repeat across runs. */
export interface Random {
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** A short, realistic free-text answer. */
  sentence(): string;
}

export function createRandom(seed?: number): Random {
  const faker = createFaker(seed === undefined ? undefined : seed + 1);
  const int = (n: number) => faker.number.int({ min: 0, max: Math.max(0, n - 1) });
  return {
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick() needs at least one item');
      return items[int(items.length)]!;
    },
    sentence: () => faker.lorem.sentence({ min: 2, max: 6 }),
  };
}
