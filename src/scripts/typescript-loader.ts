// Imports TypeScript modules (revisions, models, the config file) through tsx. One tsx
// loader is registered per process and reused: tsImport() registers a new loader hook on
// every call, so importing 1,000 revisions that way costs quadratic time.
import { pathToFileURL } from "node:url";

type ScopedImport = (specifier: string, parent: string) => Promise<Record<string, unknown>>;

let scoped: Promise<ScopedImport> | undefined;

/** tsx, loaded on first use only: commands that run no TypeScript never pay for it. */
function loader(): Promise<ScopedImport> {
  scoped ??= import("tsx/esm/api").then(({ register }) => register({ namespace: "athanor" }).import as ScopedImport);
  return scoped;
}

/** Imports the TypeScript (or JavaScript) module at an absolute path. */
export async function importTypeScript(absolutePath: string): Promise<Record<string, unknown>> {
  const importModule = await loader();
  return importModule(pathToFileURL(absolutePath).href, import.meta.url);
}
