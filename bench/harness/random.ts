// A seeded pseudo-random source, so every run of a benchmark builds the same graph and
// two machines measure the same input. Not for anything that needs real randomness.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  below(n: number): number;
  /** A lowercase hex string of `length` characters (revision ids). */
  hex(length: number): string;
}

/** mulberry32: tiny, fast and good enough to shape a benchmark's input. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    below: (n) => Math.floor(next() * n),
    hex(length) {
      let out = "";
      while (out.length < length)
        out += Math.floor(next() * 0x10000)
          .toString(16)
          .padStart(4, "0");
      return out.slice(0, length);
    },
  };
}
