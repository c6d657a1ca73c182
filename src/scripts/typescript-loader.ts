// Imports TypeScript modules (revisions, models, the config file) through tsx. One tsx
// loader is registered per process and reused: tsImport() registers a new loader hook on
// every call, so importing 1,000 revisions that way costs quadratic time.
import { pathToFileURL } from "node:url";

type ScopedImport = (specifier: string, parent: string) => Promise<Record<string, unknown>>;

let scoped: Promise<ScopedImport> | undefined;

/**
 * tsx, loaded on first use only: commands that run no TypeScript never pay for it. Both
 * hooks are registered, as tsImport does: in a project without `"type": "module"` a .ts
 * file compiles to CommonJS, and its `require("./user.js")` needs the CommonJS hook.
 */
function loader(): Promise<ScopedImport> {
  scoped ??= Promise.all([import("tsx/esm/api"), import("tsx/cjs/api")]).then(([esm, cjs]) => {
    cjs.register({ namespace: "athanor" });
    return esm.register({ namespace: "athanor" }).import as ScopedImport;
  });
  return scoped;
}

/** Imports the TypeScript (or JavaScript) module at an absolute path. */
export async function importTypeScript(absolutePath: string): Promise<Record<string, unknown>> {
  const importModule = await loader();
  return importModule(pathToFileURL(absolutePath).href, import.meta.url);
}
