/* eslint-disable no-bitwise */ // a seeded PRNG and a string hash are bit arithmetic
/**
 * A seeded pseudo-random source (mulberry32): the differential corpus and the
 * fuzz test must come out identical on every machine and every run.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  public next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  public int(n: number): number {
    return Math.floor(this.next() * n);
  }

  public pick<T>(values: readonly T[]): T {
    return values[this.int(values.length)];
  }

  public chance(p: number): boolean {
    return this.next() < p;
  }
}
