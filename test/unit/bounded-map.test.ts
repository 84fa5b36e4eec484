import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../../src/store/bounded-map.js';

describe('BoundedMap', () => {
  it('keeps the newest entries and reports each eviction, oldest first', () => {
    const evicted: number[] = [];
    const map = new BoundedMap<number, string>(3, (key) => evicted.push(key));
    for (let i = 0; i < 5000; i++) map.set(i, `v${i}`);
    expect(map.size).toBe(3);
    expect([...map.values()]).toEqual(['v4997', 'v4998', 'v4999']);
    expect(evicted.slice(0, 3)).toEqual([0, 1, 2]);
    expect(evicted).toHaveLength(4997);
  });

  it('replacing a value keeps its age', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 3);
    map.set('c', 4);
    expect(map.has('a')).toBe(false);
    expect(map.get('b')).toBe(2);
  });
});
