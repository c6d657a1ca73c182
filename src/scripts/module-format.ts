// Which module system Node (and tsx) run a project file in: `.mts`/`.mjs` are ES modules,
// `.cts`/`.cjs` CommonJS, and `.ts`/`.js` follow the nearest package.json's "type"
// (CommonJS unless it says "module", or when there is no package.json at all).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const typeOfDirectory = new Map<string, "module" | "commonjs">();

/** The module system `absolutePath` runs in. */
export function moduleFormatOf(absolutePath: string): "module" | "commonjs" {
  if (/\.m[tj]s$/.test(absolutePath)) return "module";
  if (/\.c[tj]s$/.test(absolutePath)) return "commonjs";
  return packageTypeOf(path.dirname(absolutePath));
}

function packageTypeOf(directory: string): "module" | "commonjs" {
  const known = typeOfDirectory.get(directory);
  if (known !== undefined) return known;
  const manifest = path.join(directory, "package.json");
  let type: "module" | "commonjs";
  if (existsSync(manifest)) type = declaredType(manifest);
  else {
    const parent = path.dirname(directory);
    type = parent === directory ? "commonjs" : packageTypeOf(parent);
  }
  typeOfDirectory.set(directory, type);
  return type;
}

function declaredType(manifest: string): "module" | "commonjs" {
  try {
    return (JSON.parse(readFileSync(manifest, "utf8")) as { type?: unknown }).type === "module" ? "module" : "commonjs";
  } catch {
    // Node refuses a broken package.json with its own error when the module loads.
    return "commonjs";
  }
}
