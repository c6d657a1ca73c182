// Imports TypeScript modules (revisions, models, the config file) through tsx. One tsx
// loader of each kind is registered per process and reused: tsImport() registers a new
// loader hook on every call, so importing 1,000 revisions that way costs quadratic time.
import { pathToFileURL } from "node:url";
import { moduleFormatOf } from "./module-format.js";
import { resolveAthanorToThisPackage } from "./own-package-fallback.js";

type ScopedImport = (specifier: string, parent: string) => Promise<Record<string, unknown>>;
type ScopedRequire = (id: string, fromFile: string) => Record<string, unknown>;

let scopedRequire: Promise<ScopedRequire> | undefined;
let scopedImport: Promise<ScopedImport> | undefined;
let ownPackageFallback = false;

/**
 * From now on a project module that imports "athanor" without the project having
 * installed it gets this package (own-package-fallback.ts). The CLI calls it; the hook
 * is installed with the first TypeScript loader, so commands that load none skip it.
 */
export function useOwnPackageAsFallback(): void {
  ownPackageFallback = true;
  if (scopedRequire !== undefined) resolveAthanorToThisPackage("require");
  if (scopedImport !== undefined) resolveAthanorToThisPackage("import");
}

function installFallback(system: "require" | "import"): void {
  if (ownPackageFallback) resolveAthanorToThisPackage(system);
}

/** tsx's CommonJS hook, loaded on first use only: commands that run no TypeScript never pay for it. */
function commonJsLoader(): Promise<ScopedRequire> {
  if (scopedRequire === undefined) installFallback("require");
  scopedRequire ??= import("tsx/cjs/api").then((cjs) => cjs.register({ namespace: "athanor" }).require as ScopedRequire);
  return scopedRequire;
}

/**
 * tsx's ESM loader. The CommonJS hook is registered as well, as tsImport does: in a
 * project without `"type": "module"` a .ts file compiles to CommonJS, and its
 * `require("./user.js")` needs it.
 */
function esmLoader(): Promise<ScopedImport> {
  if (scopedImport === undefined) installFallback("import");
  scopedImport ??= Promise.all([import("tsx/esm/api"), commonJsLoader()]).then(([esm]) => esm.register({ namespace: "athanor" }).import as ScopedImport);
  return scopedImport;
}

/**
 * Imports a project module (a model module) in the module system Node
 * would run it in: an ES module through tsx's ESM loader, a CommonJS one (a project
 * without `"type": "module"`) through tsx's require hook. Each module graph then stays
 * in one loader, so a barrel's `export * from "./user"` finds its file and a module
 * reached both directly and through a barrel runs once.
 */
export async function importProjectModule(absolutePath: string): Promise<Record<string, unknown>> {
  return moduleFormatOf(absolutePath) === "commonjs" ? requireElseImport(absolutePath) : importTypeScript(absolutePath);
}

/** `.mts`/`.mjs`: an ES module whatever the package says, which CommonJS cannot hold. */
const isEsModuleFile = (file: string) => /\.m[tj]s$/.test(file);

type ModuleLoad = (absolutePath: string) => Promise<Record<string, unknown>>;

/**
 * Runs `body` with a loader for a set of project modules that may import each other
 * (the model modules), so the set stays one module graph in one loader. tsx's require
 * hook first, as for revisions: it runs on this thread, where the ESM loader sends every
 * module through its hooks thread (about 0.3 s per command). When CommonJS cannot hold
 * one of them (top-level await, an ES-only import, `.mts`), `body` runs again with every
 * module imported as Node would run it; the modules it ran the first time run again.
 */
export async function withModuleSetLoader<T>(files: readonly string[], body: (load: ModuleLoad) => Promise<T>): Promise<T> {
  if (files.some(isEsModuleFile)) return body(importProjectModule);
  const requireModule = await commonJsLoader();
  try {
    return await body(async (file) => requireModule(file, import.meta.url));
  } catch (error) {
    if (!needsEsm(error) && !needsEsm((error as { cause?: unknown }).cause ?? {})) throw error;
  }
  return body(importProjectModule);
}

/** Imports the TypeScript (or JavaScript) module at an absolute path, as an ES module. */
async function importTypeScript(absolutePath: string): Promise<Record<string, unknown>> {
  const importModule = await esmLoader();
  return importModule(pathToFileURL(absolutePath).href, import.meta.url);
}

// What a module's CommonJS form cannot do: top-level await (in it or in an ES module it
// imports), or, before Node 20.19, require an ES module. tsx reports its own refusal of
// top-level await with that code only when its ESM loader is not registered as well.
const ESM_ONLY = new Set(["ERR_REQUIRE_ASYNC_MODULE", "ERR_REQUIRE_ESM"]);

function needsEsm(error: unknown): boolean {
  const { code, message } = error as NodeJS.ErrnoException;
  return ESM_ONLY.has(code ?? "") || /Top-level await is currently not supported/.test(String(message));
}

/**
 * Loads a revision module. tsx's CommonJS hook comes first: it compiles and runs the
 * file on this thread, about three times faster than an ESM import, which goes through
 * tsx's loader thread (bench/README.md). Revisions are self-contained modules, so the
 * difference rarely shows: the body is not in strict mode unless the file says
 * "use strict". A file CommonJS cannot hold (top-level await, `.mts`/`.mjs`) is
 * imported as an ES module instead.
 */
export async function loadModule(absolutePath: string): Promise<Record<string, unknown>> {
  return isEsModuleFile(absolutePath) ? importTypeScript(absolutePath) : requireElseImport(absolutePath);
}

/** Through tsx's require hook, or as an ES module when the file needs one (needsEsm). */
async function requireElseImport(absolutePath: string): Promise<Record<string, unknown>> {
  const requireModule = await commonJsLoader();
  try {
    return requireModule(absolutePath, import.meta.url);
  } catch (error) {
    if (!needsEsm(error)) throw error;
  }
  return importTypeScript(absolutePath);
}
