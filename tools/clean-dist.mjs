// Empties dist/ before a build: tsc never deletes, so the maps of a sourcemap build, or
// the output of a source file since removed, would otherwise stay and be packed.
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

rmSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "dist"), { recursive: true, force: true });
