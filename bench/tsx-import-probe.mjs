// Diagnostic for the online-upgrade benchmark: how long loading every TypeScript revision
// of ./versions through tsx takes, one `tsImport()` per file (each call registers another
// loader hook) versus one registered namespace, sequential or concurrent.
// Usage (in a generated project): node ../../tsx-import-probe.mjs tsImport|register|concurrent [count]
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const mode = process.argv[2] ?? "register";
const dir = path.resolve("versions");
const urls = readdirSync(dir)
  .filter((name) => name.endsWith(".ts"))
  .sort()
  .slice(0, Number(process.argv[3] ?? Infinity))
  .map((name) => pathToFileURL(path.join(dir, name)).href);
const api = await import("tsx/esm/api");
const started = performance.now();
let modules;
if (mode === "tsImport") {
  modules = [];
  for (const url of urls) modules.push(await api.tsImport(url, import.meta.url));
} else {
  const scoped = api.register({ namespace: "athanor-probe" });
  if (mode === "concurrent") modules = await Promise.all(urls.map((url) => scoped.import(url, import.meta.url)));
  else {
    modules = [];
    for (const url of urls) modules.push(await scoped.import(url, import.meta.url));
  }
}
if (!modules.every((m) => typeof m.upgrade === "function")) throw new Error("a module without upgrade()");
console.log(`${mode}: ${urls.length} files in ${(performance.now() - started).toFixed(0)} ms`);
