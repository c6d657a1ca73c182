// The packed tarball, installed as a user installs it: once into a folder holding
// ESM, CommonJS (both barrel styles) and TypeScript node16 projects, and once into a
// global prefix used from a project that has no athanor of its own. Each project runs
// init → revision → upgrade → generate → upgrade → check, on PGlite or PostgreSQL. npm installs
// from its cache when it can (--offline), else from the registry (--prefer-offline).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { repoRoot } from "../cli/run-cli.js";

const root = mkdtempSync(path.join(tmpdir(), "athanor-package-"));
// Outside `root`, whose node_modules would otherwise lend it athanor.
const bare = mkdtempSync(path.join(tmpdir(), "athanor-bare-"));
const databases: TestDatabase[] = [];

function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const clean = { ...process.env };
  for (const name of ["DATABASE_URL", "TEST_DATABASE_URL", "NODE_OPTIONS", "NODE_TEST_CONTEXT"]) delete clean[name];
  const result = spawnSync(command, args, { cwd, env: { ...clean, ...env }, encoding: "utf8" });
  return { code: result.status ?? -1, out: `${result.stdout}${result.stderr}` };
}

function npmInstall(args: readonly string[], cwd: string): void {
  const base = ["install", "--no-audit", "--no-fund", ...args];
  let result = run("npm", [...base, "--offline"], cwd);
  if (result.code !== 0) result = run("npm", [...base, "--prefer-offline"], cwd);
  assert.equal(result.code, 0, result.out);
}

let tarball = "";
before(() => {
  const packed = run("npm", ["pack", "--ignore-scripts", "--pack-destination", root], repoRoot);
  assert.equal(packed.code, 0, packed.out);
  tarball = path.join(root, readdirSync(root).find((name) => name.endsWith(".tgz"))!);
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "workspace", private: true }));
  npmInstall([tarball], root);
  npmInstall(["-g", "--prefix", path.join(root, "global"), tarball], root);
});

after(async () => {
  for (const database of databases) await database.drop();
  rmSync(root, { recursive: true, force: true });
  rmSync(bare, { recursive: true, force: true });
});

const userModel = `import { column, table } from "athanor";
export const users = table("users", { id: column.bigint().primaryKey().identity(), name: column.text().notNull() });
`;

interface ProjectSpec {
  readonly name: string;
  readonly manifest: Record<string, unknown> | undefined;
  readonly barrel: string;
  readonly global?: boolean;
  readonly engine: "pglite" | "postgres";
  /** A TypeScript project: its tsconfig, and after the flow its models, config and revisions must typecheck. */
  readonly tsconfig?: Record<string, unknown>;
}

async function flow(spec: ProjectSpec): Promise<void> {
  const dir = path.join(spec.global ? bare : root, spec.name);
  mkdirSync(dir, { recursive: true });
  if (spec.manifest) writeFileSync(path.join(dir, "package.json"), JSON.stringify(spec.manifest));
  if (spec.tsconfig) writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(spec.tsconfig));
  const bin = spec.global ? path.join(root, "global", "bin", "athanor") : path.join(root, "node_modules", ".bin", "athanor");
  const env: Record<string, string> = {};
  if (spec.engine === "postgres") env.DATABASE_URL = (await testDatabase()).url;
  const step = (...args: string[]) => {
    const result = run(bin, args, dir, env);
    assert.equal(result.code, 0, `athanor ${args.join(" ")} in ${spec.name}:\n${result.out}`);
    return result.out;
  };
  const init = step("init");
  if (spec.global) assert.match(init, /npm install --save-dev athanor/, "init says how to add athanor");
  writeFileSync(path.join(dir, "app/models/index.ts"), spec.barrel);
  writeFileSync(path.join(dir, "app/models/user.ts"), userModel);
  step("revision", "-m", "empty start");
  step("upgrade");
  step("generate", "add users");
  step("upgrade");
  assert.match(step("status"), /up to date|0 pending/);
  assert.match(step("check"), /models match/);
  // The same revisions on the other engine: a project moves between them (embedded in
  // development, PostgreSQL in CI and production).
  const other =
    spec.engine === "postgres" ? { ...env, DATABASE_URL: `pglite://${path.join(dir, ".athanor", "other")}` } : { DATABASE_URL: (await testDatabase()).url };
  const again = (...args: string[]) => {
    const result = run(bin, args, dir, other);
    assert.equal(result.code, 0, `athanor ${args.join(" ")} in ${spec.name} on the other engine:\n${result.out}`);
    return result.out;
  };
  again("upgrade");
  assert.match(again("status"), /up to date|0 pending/);
  assert.match(again("check"), /models match/);
  if (spec.tsconfig) {
    // What init and generate wrote is code of the user's project: it typechecks under its settings.
    const tsc = run(process.execPath, [path.join(repoRoot, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], dir);
    assert.equal(tsc.code, 0, `tsc in ${spec.name}:\n${tsc.out}`);
  }
}

/** A PostgreSQL database for one project, dropped after the file's tests. */
async function testDatabase() {
  const database = await createTestDatabase("pkg");
  databases.push(database);
  return database;
}

const specs: ProjectSpec[] = [
  { name: "esm", manifest: { name: "esm", private: true, type: "module" }, barrel: `export * from "./user.js";\n`, engine: "pglite" },
  { name: "cjs-star", manifest: { name: "cjs-star", private: true }, barrel: `export * from "./user";\n`, engine: "postgres" },
  { name: "cjs-named", manifest: { name: "cjs-named", private: true }, barrel: `export { users } from "./user";\n`, engine: "pglite" },
  { name: "global", manifest: undefined, barrel: `export * from "./user";\n`, global: true, engine: "postgres" },
  {
    name: "node16",
    manifest: { name: "node16", private: true },
    barrel: `export * from "./user";\n`,
    engine: "pglite",
    tsconfig: {
      compilerOptions: { module: "node16", moduleResolution: "node16", strict: true, noEmit: true, skipLibCheck: true, types: [] },
      include: ["athanor.config.ts", "app/**/*.ts", "versions/*.ts"],
    },
  },
];

for (const spec of specs) {
  test(`installed tarball: ${spec.name} project runs init, revision, generate, upgrade, status, check on ${spec.engine}, then upgrade, status, check on the other engine`, () =>
    flow(spec));
}

test('installed tarball: a node16 CommonJS project typechecks `import … from "athanor"` and require("athanor") works without require(esm)', () => {
  const dir = path.join(root, "node16");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "node16", private: true }));
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { module: "node16", moduleResolution: "node16", strict: true, noEmit: true, skipLibCheck: true, types: [] },
      include: ["*.ts"],
    }),
  );
  writeFileSync(
    path.join(dir, "models.ts"),
    `import { column, table, type Operations } from "athanor";\nexport const t = table("t", { id: column.integer() });\nexport type Op = Operations;\n`,
  );
  const tsc = run(process.execPath, [path.join(repoRoot, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], dir);
  assert.equal(tsc.code, 0, tsc.out);
  const required = run(process.execPath, ["--no-experimental-require-module", "-e", `process.stdout.write(typeof require("athanor").Migrator)`], dir);
  assert.equal(required.out, "function");
});

test("installed tarball: no source maps, a LICENSE, no prepare script", () => {
  const listed = run("tar", ["-tzf", tarball], root);
  assert.equal(listed.code, 0, listed.out);
  const files = listed.out.split("\n");
  assert.ok(files.includes("package/LICENSE"));
  assert.deepEqual(
    files.filter((file) => file.endsWith(".map")),
    [],
  );
  const manifest = run("tar", ["-xzOf", tarball, "package/package.json"], root);
  const scripts = (JSON.parse(manifest.out) as { scripts: Record<string, string> }).scripts;
  assert.equal(scripts.prepare, undefined);
});

test("installed tarball without optional dependencies: the embedded database asks for @electric-sql/pglite, PostgreSQL works", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "athanor-no-pglite-"));
  try {
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "no-pglite", private: true }));
    npmInstall(["--omit=optional", tarball], dir);
    const bin = path.join(dir, "node_modules", ".bin", "athanor");
    assert.equal(run(bin, ["init"], dir).code, 0);
    const embedded = run(bin, ["current"], dir);
    assert.notEqual(embedded.code, 0);
    assert.match(embedded.out, /needs @electric-sql\/pglite, which is not installed/);
    assert.match(embedded.out, /npm install @electric-sql\/pglite/);
    const database = await createTestDatabase("nopgl");
    databases.push(database);
    const online = run(bin, ["upgrade"], dir, { DATABASE_URL: database.url });
    assert.equal(online.code, 0, online.out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
