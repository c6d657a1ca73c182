// Lets a project's config file, models and revisions import "athanor" when the project
// has not installed it (a global install, `npx athanor` in a new project): a bare
// `athanor` (or `athanor/…`) that the project cannot resolve resolves to the package of
// the running CLI instead, in both module systems. A project's own copy always wins:
// the fallback runs only after the usual resolution failed. Only the CLI turns it on;
// an application importing athanor has it installed by definition.
import Module, { createRequire, register } from "node:module";

// dist/cli/*.js (the CLI bundle) and dist/scripts/*.js are both two levels down.
const ownManifest = new URL("../../package.json", import.meta.url);

const isOwnName = (specifier: string) => specifier === "athanor" || specifier.startsWith("athanor/");

// Node's ESM resolve hook, run on its loader thread: it cannot share this module, so it
// travels as source text and learns where the package is through `initialize`.
const importHook = `
let ownManifest;
export function initialize(data) { ownManifest = data.ownManifest; }
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const own = specifier === "athanor" || specifier.startsWith("athanor/");
    if (!own || error?.code !== "ERR_MODULE_NOT_FOUND" || context.parentURL === ownManifest) throw error;
    return nextResolve(specifier, { ...context, parentURL: ownManifest });
  }
}
`;

let requirePatched = false;
let importHookRegistered = false;

/**
 * Installs the fallback for one module system (once per process each). Registering the
 * import hook starts Node's loader thread, so it waits until something is imported as
 * an ES module: a command that only requires its config and revisions never pays for it.
 */
export function resolveAthanorToThisPackage(system: "require" | "import"): void {
  if (system === "require" && !requirePatched) {
    requirePatched = true;
    patchRequire();
  }
  if (system === "import" && !importHookRegistered) {
    importHookRegistered = true;
    register(`data:text/javascript,${encodeURIComponent(importHook)}`, { data: { ownManifest: ownManifest.href } });
  }
}

type ResolveFilename = (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;

function patchRequire(): void {
  const loader = Module as unknown as { _resolveFilename: ResolveFilename };
  const original = loader._resolveFilename;
  // Resolved from the package itself, `athanor` is a self-reference through "exports".
  const ownRequire = createRequire(ownManifest);
  let fallingBack = false;
  loader._resolveFilename = function resolveFilename(this: unknown, request, parent, isMain, options) {
    try {
      return original.call(this, request, parent, isMain, options);
    } catch (error) {
      if (fallingBack || !isOwnName(request) || (error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw error;
      fallingBack = true;
      try {
        return ownRequire.resolve(request);
      } finally {
        fallingBack = false;
      }
    }
  };
}
