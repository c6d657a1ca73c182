// `npm test`: starts one PostgreSQL server for the whole suite (DESIGN.md, Tests), then
// runs every test/**/*.test.ts with node:test. Without a server the integration tests
// would fail, so a server that cannot start stops the run with the reason.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { provideServer } from "./helpers/postgres-server.js";

function testFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return name === "fixtures" ? [] : testFiles(full);
      return name.endsWith(".test.ts") ? [full] : [];
    });
}

const root = path.dirname(new URL(import.meta.url).pathname);
const filters = process.argv.slice(2);
// The long integration files first and the quick unit files last, so four at a time keep
// both cores busy to the end instead of one long file starting late and running alone
// (the installed-package test takes a minute and a half by itself).
const longFirst = ["package", "faults", "commands", "cli", "bad-input", "autogenerate", "runtime", "fuzz"];
const rank = (file: string) => {
  const at = longFirst.indexOf(path.relative(root, file).split(path.sep)[0]!);
  return at < 0 ? longFirst.length : at;
};
const files = testFiles(root)
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

const server = await provideServer();
// One embedded-database template for the run (pglite-template.ts), not the user's cache:
// the first new PGlite database pays initdb, every later one in every test unpacks it.
const cacheDir = process.env.ATHANOR_CACHE_DIR ?? mkdtempSync(path.join(tmpdir(), "athanor-test-cache-"));
const stop = () => {
  server.stop();
  if (process.env.ATHANOR_CACHE_DIR === undefined) rmSync(cacheDir, { recursive: true, force: true });
};
process.on("SIGINT", () => {
  stop();
  process.exit(130);
});
let status = 1;
try {
  const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=4", "--test-reporter=spec", ...files], {
    stdio: "inherit",
    env: { ...process.env, TEST_DATABASE_URL: server.url, ATHANOR_CACHE_DIR: cacheDir },
  });
  status = result.status ?? 1;
} finally {
  stop();
}
process.exit(status);
