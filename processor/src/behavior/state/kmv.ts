/**
 * A K-minimum-values sketch: the k smallest 32-bit hashes seen. It estimates the number of distinct values with a
 * relative error around 1/sqrt(k) in fixed memory (k numbers), whatever the volume.
 */
export class KmvSketch {
  private readonly values: number[] = [];

  constructor(readonly k: number) {}

  /** Add a uniformly distributed 32-bit hash (O(k) worst case, O(1) once the sketch is full and h is large). */
  add(h: number): void {
    const v = this.values;
    if (v.length === this.k && h >= v[v.length - 1]) return;
    let i = v.length;
    while (i > 0 && v[i - 1] > h) i--;
    if (i > 0 && v[i - 1] === h) return;
    v.splice(i, 0, h);
    if (v.length > this.k) v.pop();
  }

  /** Estimated distinct values: exact below k, else (k - 1) / (kth smallest / 2^32). */
  estimate(): number {
    const v = this.values;
    if (v.length < this.k) return v.length;
    return (this.k - 1) / ((v[v.length - 1] + 1) / 0x1_0000_0000);
  }

  clear(): void {
    this.values.length = 0;
  }
}

/** FNV-1a over UTF-16 code units, finished with a murmur3 mix so the low and high bits are both uniform. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
