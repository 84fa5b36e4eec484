/**
 * A Map that keeps only its newest `max` entries (by first insertion), so memory stays flat.
 *
 * The insertion order is kept in an array rather than read from the Map: evicting through
 * `map.keys().next()` walks over the holes earlier deletions leave in V8's table, which made every
 * insert O(n) once the map was full.
 */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();
  private order: K[] = [];
  private head = 0;

  constructor(
    private readonly max: number,
    private readonly onEvict: (key: K, value: V) => void = () => {},
  ) {}

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** Replaces in place when the key exists (keeping its age), otherwise inserts as newest. */
  set(key: K, value: V): void {
    if (!this.map.has(key)) this.order.push(key);
    this.map.set(key, value);
    while (this.map.size > this.max) this.evictOldest();
  }

  values(): IterableIterator<V> {
    return this.map.values();
  }

  clear(): void {
    this.map.clear();
    this.order = [];
    this.head = 0;
  }

  private evictOldest(): void {
    const key = this.order[this.head++] as K;
    const value = this.map.get(key) as V;
    this.map.delete(key);
    this.onEvict(key, value);
    // Drop the consumed front of the order now and then, so it does not grow without bound.
    if (this.head >= 1024 && this.head * 2 >= this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
  }
}
