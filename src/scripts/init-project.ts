// Scaffolds a project for `athanor init`: config, versions/, templates/, an example models
// module, secrets/.env.example and the .gitignore lines that keep secrets and the
// embedded database out of git. Existing files are kept, never overwritten.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { errors } from "../error-factories.js";
import { BUILTIN_TEMPLATES_DIR } from "./write-revision.js";
import { DEFAULT_ENV_FILE } from "../config/defaults.js";

export interface InitProjectOptions {
  /** Where the default templates are copied from (the built-in templates by default). */
  readonly templatesSource?: string;
}

export interface InitProjectResult {
  /** Paths (relative to the project directory) written by this call. */
  readonly created: readonly string[];
  /** Paths that already existed and were left as they were. */
  readonly kept: readonly string[];
  /** Existing files that were added to (.gitignore). */
  readonly updated: readonly string[];
}

const GITIGNORE_LINES = [DEFAULT_ENV_FILE, ".athanor/"];

const CONFIG = `// athanor's configuration. Every setting is optional; the values below are examples.
// The database comes from DATABASE_URL (the environment, else secrets/.env — see
// secrets/.env.example); without one athanor uses an embedded PGlite database in .athanor/.
import { defineConfig } from "athanor";

export default defineConfig({
  // Directories holding revision files (Alembic's version_locations).
  versionLocations: ["versions"],
  // New revision ids: "random" (12 hex digits, like Alembic) or "sequential" (0001, 0002, …).
  revisionIds: "random",
  // Templates used by \`athanor revision\`, \`generate\` and \`merge\`.
  templatesDir: "templates",
  // Modules (or directories of modules) exporting the tables \`athanor generate\` compares.
  models: ["app/models"],
  // Schemas autogenerate looks at.
  // schemas: ["public"],
  // "each": one transaction per revision; "all": the whole upgrade in one.
  // transactionMode: "each",
  // How long to wait for another deployment's migration lock.
  // lockTimeout: "30s",
});
`;

const MODELS = `// Your tables, declared with athanor's model DSL; \`athanor generate "message"\` compares
// what the modules in app/models export with the database and writes a revision.
// Declare tables here or in one file per area (users.ts, blog.ts, …) and export them.
export {};
`;

const ENV_EXAMPLE = `# Copy to secrets/.env (git-ignored) and fill in. Without DATABASE_URL athanor uses an
# embedded PGlite database in .athanor/pglite.
DATABASE_URL=postgresql://user:password@localhost:5432/app
`;

/**
 * Creates the files of a new project in `directory` (created if missing).
 *
 * ### Examples
 * ```ts
 * const { created, kept } = initProject(process.cwd());
 * ```
 */
export function initProject(directory: string, options: InitProjectOptions = {}): InitProjectResult {
  const root = path.resolve(directory);
  const templates = options.templatesSource ?? BUILTIN_TEMPLATES_DIR;
  const created: string[] = [];
  const kept: string[] = [];
  const updated: string[] = [];
  const write = (relative: string, content: string) => {
    (writeIfAbsent(root, relative, content) ? created : kept).push(relative);
  };

  write("athanor.config.ts", CONFIG);
  if (existsSync(path.join(root, "versions"))) kept.push("versions/");
  else write("versions/.gitkeep", "");
  for (const name of ["revision.ts.tmpl", "revision.sql.tmpl"]) {
    write(`templates/${name}`, readFileSync(path.join(templates, name), "utf8"));
  }
  write("app/models/index.ts", MODELS);
  write("secrets/.env.example", ENV_EXAMPLE);
  const gitignore = ensureGitignore(root);
  if (gitignore !== "kept") (gitignore === "created" ? created : updated).push(".gitignore");
  else kept.push(".gitignore");
  return { created, kept, updated };
}

/** Writes the file unless it exists; true when written. */
function writeIfAbsent(root: string, relative: string, content: string): boolean {
  const full = path.join(root, relative);
  try {
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw errors.unwritableDirectory(`cannot create ${relative} in ${root}: ${(error as Error).message}`, {
      hint: "Check the directory's permissions.",
      details: { path: full },
      cause: error,
    });
  }
}

/** Adds the lines athanor needs ignored, once; appending keeps whatever the file had. */
function ensureGitignore(root: string): "created" | "updated" | "kept" {
  const full = path.join(root, ".gitignore");
  const current = existsSync(full) ? readFileSync(full, "utf8") : undefined;
  const present = new Set((current ?? "").split(/\r?\n/).map((line) => line.trim().replace(/^\//, "")));
  const missing = GITIGNORE_LINES.filter((line) => !present.has(line) && !present.has(line.replace(/\/$/, "")));
  if (missing.length === 0) return "kept";
  const prefix = current === undefined || current === "" || current.endsWith("\n") ? "" : "\n";
  writeFileSync(full, `${current ?? ""}${prefix}${missing.join("\n")}\n`);
  return current === undefined ? "created" : "updated";
}
