// Writes the CommonJS build of the library beside the ES module one tsc wrote:
// dist/cjs/index.js (one bundle of dist/index.js), dist/cjs/package.json saying
// "commonjs", and a copy of the declarations, which TypeScript then reads as CommonJS
// (a `"module": "node16"` project without "type" gets no TS1479). `require("athanor")`
// works on every Node 20 without require(esm). The bundle sits two levels down, like
// every module it is made of, so their `new URL("../../templates/", import.meta.url)`
// still name the package's own files. Runs after tsc in `npm run build`.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "dist");
const out = path.join(dist, "cjs");
const sourcemap = process.argv.includes("--sourcemap");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, "package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);

await build({
  entryPoints: [path.join(dist, "index.js")],
  outfile: path.join(out, "index.js"),
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  sourcemap,
  // The drivers and tsx stay dependencies, loaded when used: PGlite is an ES module
  // (esbuild keeps that `import()` as it is), the others are CommonJS or dual.
  external: ["pg", "pg-native", "@electric-sql/pglite", "tsx", "tsx/*", "zod", "dotenv"],
  define: { "import.meta.url": "__athanorModuleUrl" },
  banner: { js: 'const __athanorModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: "warning",
});

// The declarations of everything index.d.ts can reach; the command line's are not part of the API.
function copyDeclarations(from, to) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) {
      if (source !== out && source !== path.join(dist, "cli")) copyDeclarations(source, path.join(to, entry.name));
    } else if (entry.name.endsWith(".d.ts")) {
      mkdirSync(to, { recursive: true });
      copyFileSync(source, path.join(to, entry.name));
    }
  }
}
copyDeclarations(dist, out);
