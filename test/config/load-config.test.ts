import assert from "node:assert/strict";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { loadConfig } from "../../src/config/load-config.js";
import { AthanorError } from "../../src/errors.js";

const dirs: string[] = [];
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "athanor-config-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text, { mode: 0o600 });
  }
  return dir;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("loadConfig", () => {
  test("a directory with no config file gets the defaults and no database URL", async () => {
    const config = await loadConfig({ cwd: project({}), env: {} });
    assert.deepEqual(config.versionLocations, ["versions"]);
    assert.deepEqual(config.schemas, ["public"]);
    assert.deepEqual(config.versionTable, { name: "alembic_version" });
    assert.equal(config.transactionMode, "each");
    assert.equal(config.connectTimeout, 10_000);
    assert.equal(config.lock, true);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.databaseUrlSource, undefined);
    assert.equal(config.configFile, null);
  });

  test("a TypeScript config file is loaded and its durations become milliseconds", async () => {
    const cwd = project({
      "athanor.config.ts": `const timeout: string = "2min";\nexport default { versionLocations: ["db/versions"], lockTimeout: timeout, statementTimeout: 1500, versionTable: { name: "schema_rev", schema: "meta" } };\n`,
    });
    const config = await loadConfig({ cwd, env: {} });
    assert.deepEqual(config.versionLocations, ["db/versions"]);
    assert.equal(config.lockTimeout, 120_000);
    assert.equal(config.statementTimeout, 1500);
    assert.deepEqual(config.versionTable, { name: "schema_rev", schema: "meta" });
    assert.equal(config.configFile, path.join(cwd, "athanor.config.ts"));
  });

  test("configs CommonJS cannot hold load too: top-level await, .mts, import.meta, an ES module project's own modules", async () => {
    const awaiting = project({
      "package.json": `{ "type": "module" }`,
      "locations.ts": `export const locations: string[] = ["from-module"];\n`,
      "athanor.config.ts": `import { locations } from "./locations.js";\nconst extra = await Promise.resolve("awaited");\nexport default { versionLocations: [...locations, extra, new URL(".", import.meta.url).pathname.length > 0 ? "meta" : "none"] };\n`,
    });
    assert.deepEqual((await loadConfig({ cwd: awaiting, env: {} })).versionLocations, ["from-module", "awaited", "meta"]);
    const mts = project({ "athanor.config.mts": `export default { versionLocations: [String(import.meta.url.startsWith("file:"))] };\n` });
    assert.deepEqual((await loadConfig({ cwd: mts, env: {} })).versionLocations, ["true"]);
  });

  test("DATABASE_URL comes from overrides, then the environment, then the config file, then secrets/.env", async () => {
    const cwd = project({
      "athanor.config.mjs": `export default { databaseUrl: "postgres://file/db" };\n`,
      "secrets/.env": "DATABASE_URL=postgres://dotenv/db\n",
    });
    const env = { DATABASE_URL: "postgres://env/db" };
    assert.equal((await loadConfig({ cwd, env, overrides: { databaseUrl: "postgres://flag/db" } })).databaseUrl, "postgres://flag/db");
    const fromEnv = await loadConfig({ cwd, env });
    assert.equal(fromEnv.databaseUrl, "postgres://env/db");
    assert.equal(fromEnv.databaseUrlSource, "environment");
    assert.equal((await loadConfig({ cwd, env: {} })).databaseUrl, "postgres://file/db");
    rmSync(path.join(cwd, "athanor.config.mjs"));
    const fromDotenv = await loadConfig({ cwd, env: {} });
    assert.equal(fromDotenv.databaseUrl, "postgres://dotenv/db");
    assert.equal(fromDotenv.databaseUrlSource, "env file");
  });

  test(".env at the project root is read too; secrets/.env wins and the warning says which file did", async () => {
    const cwd = project({ ".env": "DATABASE_URL=postgres://app:Root-Secret@root-env/db\n" });
    const fromRoot = await loadConfig({ cwd, env: {} });
    assert.equal(fromRoot.databaseUrl, "postgres://app:Root-Secret@root-env/db");
    assert.equal(fromRoot.databaseUrlOrigin?.shown, "DATABASE_URL in .env");
    assert.deepEqual(fromRoot.warnings, []);
    mkdirSync(path.join(cwd, "secrets"));
    writeFileSync(path.join(cwd, "secrets/.env"), "DATABASE_URL=postgres://app:Secret-Secret@secrets-env/db\n", { mode: 0o600 });
    const both = await loadConfig({ cwd, env: {} });
    assert.equal(both.databaseUrl, "postgres://app:Secret-Secret@secrets-env/db");
    assert.equal(both.databaseUrlOrigin?.shown, "DATABASE_URL in secrets/.env");
    assert.deepEqual(both.warnings, ["DATABASE_URL is set in both secrets/.env and .env: using secrets/.env's"]);
    assert.doesNotMatch(both.warnings.join("\n"), /Secret/, "never the URLs");
  });

  test("from a subdirectory the project's config is found, and its relative paths are the config folder's", async () => {
    const root = project({
      "package.json": "{}\n",
      "athanor.config.mjs": `export default { versionLocations: ["db/versions"], envFile: "conf/db.env" };\n`,
      "conf/db.env": "DATABASE_URL=pglite://memory\n",
      "src/deep/.keep": "",
    });
    const config = await loadConfig({ cwd: path.join(root, "src", "deep"), env: {} });
    assert.equal(config.configFile, path.join(root, "athanor.config.mjs"));
    assert.equal(config.cwd, root, "versions, env files and the embedded database resolve against the config's folder");
    assert.equal(config.databaseUrl, "pglite://memory");
    // The search stops at the package root: a config above it belongs to another project.
    const inner = project({ "outer/athanor.config.mjs": "export default {};\n", "outer/app/package.json": "{}\n" });
    assert.equal((await loadConfig({ cwd: path.join(inner, "outer", "app"), env: {} })).configFile, null);
  });

  test("secrets/.env is parsed without changing process.env", async () => {
    const cwd = project({ "secrets/.env": "DATABASE_URL=postgres://dotenv/db\nATHANOR_TEST_LEAK=1\n" });
    await loadConfig({ cwd, env: {} });
    assert.equal(process.env.ATHANOR_TEST_LEAK, undefined);
  });

  test("the env file path is configurable", async () => {
    const cwd = project({ "athanor.config.js": `export default { envFile: "conf/db.env" };\n`, "conf/db.env": "DATABASE_URL=pglite://memory\n" });
    assert.equal((await loadConfig({ cwd, env: {} })).databaseUrl, "pglite://memory");
  });

  test("a world-readable secrets/.env draws a warning naming chmod", async () => {
    const cwd = project({ "secrets/.env": "DATABASE_URL=postgres://u:pw@h/db\n" });
    chmodSync(path.join(cwd, "secrets/.env"), 0o644);
    const config = await loadConfig({ cwd, env: {} });
    assert.equal(config.warnings.length, 1);
    assert.match(config.warnings[0]!, /secrets\/\.env is readable by every user.*chmod 600/);
  });

  test("an invalid value in the config file names the file, the field path and the problem", async () => {
    const cwd = project({ "athanor.config.ts": `export default { transactionMode: "some", versionTable: { name: "" } };\n` });
    await assert.rejects(loadConfig({ cwd, env: {} }), (error: unknown) => {
      assert.ok(error instanceof AthanorError);
      assert.equal(error.code, "CONFIG_INVALID");
      assert.match(error.message, /athanor\.config\.ts/);
      assert.match(error.message, /transactionMode: .*"each"/);
      assert.match(error.message, /versionTable\.name/);
      return true;
    });
  });

  test("an unknown key and a bad duration are errors, not silently ignored", async () => {
    const cwd = project({ "athanor.config.ts": `export default { versionLocation: ["v"], lockTimeout: "soon" };\n` });
    await assert.rejects(loadConfig({ cwd, env: {} }), /lockTimeout: expected a duration[\s\S]*versionLocation: unknown setting/);
  });

  test("a config file that throws is CONFIG_INVALID naming the file", async () => {
    const cwd = project({ "athanor.config.ts": `throw new Error("boom");\n` });
    await assert.rejects(loadConfig({ cwd, env: {} }), (error: unknown) => {
      assert.ok(error instanceof AthanorError);
      assert.equal(error.code, "CONFIG_INVALID");
      assert.match(error.message, /athanor\.config\.ts could not be loaded: boom/);
      return true;
    });
  });

  test("a bad override is a bad request (USAGE, exit 2) naming the command-line option", async () => {
    await assert.rejects(
      loadConfig({ cwd: project({}), env: {}, overrides: { transactionMode: "most" as "all" } }),
      (error: unknown) => error instanceof AthanorError && error.code === "USAGE" && error.exitCode === 2 && /--transaction: /.test(error.message),
    );
    await assert.rejects(
      loadConfig({ cwd: project({}), env: {}, overrides: { lockTimeout: "abc" } }),
      (error: unknown) =>
        error instanceof AthanorError && error.code === "USAGE" && /--lock-timeout: .*"abc"/.test(error.message) && /30s/.test(error.hint ?? ""),
    );
  });
});
