// zod, loaded on first use. Importing it takes about 50 ms, a sixth of what `athanor
// heads` may take on 10,000 revisions, and a command that only reads the graph needs it
// only when a value is wrong. zod ships CommonJS as well, so it is required
// synchronously and validation stays synchronous; every module takes it from here, so
// one copy is loaded.
import { createRequire } from "node:module";

type Zod = typeof import("zod");

let loaded: Zod | undefined;

export function zod(): Zod {
  loaded ??= createRequire(import.meta.url)("zod") as Zod;
  return loaded;
}
