// Bundles the command line (dist/cli/bin.js, as tsc wrote it) into one file plus lazily
// loaded chunks, in place. Node 20 loads ES modules one by one, and the ~60 small modules
// `athanor heads` needs took a sixth of its time on 10,000 revisions; one file loads in
// a fraction of that. The library (dist/index.js), which config files, models and
// revisions import, stays as tsc wrote it, so its classes exist twice in a run: models
// and AthanorError are recognised by Symbol.for brands, which both copies share.
// Runs after tsc in `npm run build`; `--sourcemap` (npm run build:sourcemaps) adds maps.
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const cliDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "dist", "cli");

// Chunks of an earlier build would otherwise pile up beside the new ones.
for (const name of readdirSync(cliDir)) if (name.startsWith("chunk-")) rmSync(path.join(cliDir, name));

await build({
  entryPoints: [path.join(cliDir, "bin.js")],
  outdir: cliDir,
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: process.argv.includes("--sourcemap"),
  // Loaded only by the commands that use them, or resolved at run time (zod, through
  // createRequire; fs-native-extensions, a native addon found beside its package): left
  // to Node. clipanion, which every command needs, is bundled.
  external: ["pg", "pg-native", "@electric-sql/pglite", "fs-native-extensions", "tsx", "zod", "dotenv"],
  // clipanion is CommonJS and requires Node's built-ins; an ES module bundle has no
  // `require` of its own.
  banner: { js: "import { createRequire as __athanorCreateRequire } from 'node:module'; const require = __athanorCreateRequire(import.meta.url);" },
  logLevel: "warning",
});
