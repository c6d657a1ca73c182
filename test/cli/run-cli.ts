// Runs the built CLI (dist/cli/bin.js) as a user would: a child process in a temp project
// whose node_modules/athanor links back to this repository. Also writes revision files
// and opens the two engines (a PostgreSQL test database, a PGlite directory) for checks.
import { PGlite } from "@electric-sql/pglite";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createTestDatabase } from "../helpers/database.js";

export const repoRoot = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
const bin = path.join(repoRoot, "dist", "cli", "bin.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  /** Added to (or, with undefined, removed from) a clean environment. */
  env?: Record<string, string | undefined>;
}

// The child must not inherit what would change its behaviour: a DATABASE_URL from the
// developer's shell, colour settings, or node:test's own context.
const scrubbed = ["DATABASE_URL", "TEST_DATABASE_URL", "NO_COLOR", "FORCE_COLOR", "NODE_TEST_CONTEXT", "NODE_OPTIONS", "CI"];

function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of scrubbed) delete env[name];
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export function runCli(args: readonly string[], options: RunOptions): Promise<CliResult> {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build\` before the CLI tests`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd, env: childEnv(options.env), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A CLI result as text for assertion messages. */
export function shown(result: CliResult): string {
  return `exit ${result.code}\n--- stdout\n${result.stdout}--- stderr\n${result.stderr}`;
}

export function lines(text: string): string[] {
  return text.split("\n").filter((line) => line.length > 0);
}

export interface TempProject {
  readonly dir: string;
  /** Run the CLI in this project. */
  run(args: readonly string[], env?: Record<string, string | undefined>): Promise<CliResult>;
  write(relative: string, text: string): void;
  read(relative: string): string;
  exists(relative: string): boolean;
  /** File names in versions/, sorted. */
  versionFiles(): string[];
  remove(): void;
}

export interface ProjectOptions {
  /** Copy the example project (athanor.config.ts, app/models, versions). */
  example?: boolean;
  /** Write this athanor.config.ts. */
  config?: string;
  /** package.json's "type" (default "module", as the example project); null: no package.json. */
  moduleType?: "module" | "commonjs" | null;
}

export function createProject(options: ProjectOptions = {}): TempProject {
  const dir = mkdtempSync(path.join(tmpdir(), "athanor-cli-"));
  mkdirSync(path.join(dir, "versions"));
  mkdirSync(path.join(dir, "node_modules"));
  symlinkSync(repoRoot, path.join(dir, "node_modules", "athanor"), "dir");
  const moduleType = options.moduleType === undefined ? "module" : options.moduleType;
  if (moduleType !== null) writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "app", private: true, type: moduleType }, null, 2) + "\n");
  if (options.example) {
    cpSync(path.join(repoRoot, "athanor.config.ts"), path.join(dir, "athanor.config.ts"));
    cpSync(path.join(repoRoot, "app", "models"), path.join(dir, "app", "models"), { recursive: true });
    cpSync(path.join(repoRoot, "versions"), path.join(dir, "versions"), { recursive: true });
  }
  if (options.config !== undefined) writeFileSync(path.join(dir, "athanor.config.ts"), options.config);
  return {
    dir,
    run: (args, env) => runCli(args, { cwd: dir, ...(env ? { env } : {}) }),
    write(relative, text) {
      mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      writeFileSync(path.join(dir, relative), text);
    },
    read: (relative) => readFileSync(path.join(dir, relative), "utf8"),
    exists: (relative) => existsSync(path.join(dir, relative)),
    versionFiles: () => readdirSync(path.join(dir, "versions")).sort(),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface RevisionFile {
  id: string;
  down: string | string[] | null;
  message: string;
  branchLabels?: string[];
  dependsOn?: string[];
  /** Statements for op.execute; default `SELECT 'up:<id>'`. */
  up?: string[];
  downSql?: string[];
}

/** A TypeScript revision file as a person would write it, importing athanor's types. */
export function tsRevision(spec: RevisionFile): string {
  const body = (statements: readonly string[]) => statements.map((s) => `  await op.execute(${JSON.stringify(s)});`).join("\n");
  return `import type { Operations } from "athanor";

export const revision = "${spec.id}";
export const downRevision: string | string[] | null = ${JSON.stringify(spec.down)};
export const branchLabels: string[] = ${JSON.stringify(spec.branchLabels ?? [])};
export const dependsOn: string[] = ${JSON.stringify(spec.dependsOn ?? [])};
export const message = ${JSON.stringify(spec.message)};
export const createDate = "2025-12-15 10:00:00";

export async function upgrade(op: Operations): Promise<void> {
${body(spec.up ?? [`SELECT 'up:${spec.id}'`])}
}

export async function downgrade(op: Operations): Promise<void> {
${body(spec.downSql ?? [`SELECT 'down:${spec.id}'`])}
}
`;
}

/** Writes a revision as versions/<id>_<message>.ts (file-name order = id order). */
export function addRevision(project: TempProject, spec: RevisionFile): string {
  const file = `versions/${spec.id}_${spec.message}.ts`;
  project.write(file, tsRevision(spec));
  return file;
}

/** The reference's sample graph (shared/reference/alembic.md). */
export const sampleGraph: readonly RevisionFile[] = [
  { id: "0001", down: null, message: "initial_schema" },
  { id: "0002", down: "0001", message: "add_users" },
  { id: "0003", down: "0002", message: "feature_a" },
  { id: "0004", down: "0002", message: "feature_b" },
  { id: "0005", down: ["0003", "0004"], message: "merge_heads" },
  { id: "0006", down: "0005", message: "after_merge" },
  { id: "a100", down: null, message: "audit_base", branchLabels: ["audit"] },
  { id: "a101", down: "a100", message: "audit_two", dependsOn: ["0002"] },
];

/** A database the CLI is pointed at, and a second look at it for assertions. */
export interface EngineDatabase {
  readonly url: string;
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** alembic_version's rows, sorted; [] when the table does not exist. */
  versionRows(): Promise<string[]>;
  drop(): Promise<void>;
}

export interface Engine {
  readonly name: "postgresql" | "pglite";
  open(project: TempProject): Promise<EngineDatabase>;
}

async function versionRows(query: EngineDatabase["query"]): Promise<string[]> {
  const exists = await query("SELECT to_regclass('public.alembic_version') IS NOT NULL AS present");
  if (exists[0]?.present !== true) return [];
  return (await query("SELECT version_num FROM alembic_version ORDER BY version_num")).map((row) => String(row.version_num));
}

export const postgresEngine: Engine = {
  name: "postgresql",
  async open() {
    const database = await createTestDatabase("cli");
    const query = async (sql: string) => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        return (await client.query(sql)).rows as Record<string, unknown>[];
      } finally {
        await client.end();
      }
    };
    return { url: database.url, query, versionRows: () => versionRows(query), drop: () => database.drop() };
  },
};

export const pgliteEngine: Engine = {
  name: "pglite",
  async open(project) {
    const dataDir = path.join(project.dir, "db");
    // Opened only between CLI runs, and closed at once: the CLI holds the directory while it runs.
    const query = async (sql: string) => {
      const db = await PGlite.create(dataDir);
      try {
        return (await db.query<Record<string, unknown>>(sql)).rows;
      } finally {
        await db.close();
      }
    };
    return { url: `pglite://${dataDir}`, query, versionRows: () => versionRows(query), drop: async () => {} };
  },
};

export const engines: readonly Engine[] = [postgresEngine, pgliteEngine];

/** `pg_dump --schema-only` of a PostgreSQL database (without `excludeTables`), without the lines that name it. */
export async function schemaDump(url: string, options: { excludeTables?: readonly string[] } = {}): Promise<string> {
  const exclude = (options.excludeTables ?? []).flatMap((t) => ["--exclude-table", t]);
  const result = await new Promise<CliResult>((resolve, reject) => {
    const child = spawn("pg_dump", ["--schema-only", "--no-owner", "--no-privileges", ...exclude, url], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
  if (result.code !== 0) throw new Error(`pg_dump failed: ${result.stderr}`);
  return result.stdout
    .split("\n")
    .filter((line) => !line.startsWith("--") && !line.startsWith("\\restrict") && !line.startsWith("\\unrestrict"))
    .join("\n");
}

/** A model module: table people whose mood column is an enum of `values` (source text, e.g. `"sad", "ok"`) defaulting to `fallback`. */
export function peopleWithMood(values: string, fallback: string): string {
  return `import { column, pgEnum, table } from "athanor";

export const mood = pgEnum("mood", [${values}]);
export const people = table("people", { id: column.int().primaryKey(), mood: column.enum(mood).notNull().default("${fallback}") });
`;
}
