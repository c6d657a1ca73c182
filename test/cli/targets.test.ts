// --targets on many tenant schemas of one PostgreSQL database: one tenant's revision
// fails and only that tenant stops (at its last good revision, named in the report with
// the reason); drift in current/status/check; --fail-fast; the --json array; a glob that
// matches nothing; sql per target. (1,000 schemas x 10 revisions is bench/multi-target.ts.)
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { revisionIds, tenantDatabase, tenantName, tenProject, type TenantDatabase } from "./targets-project.js";
import { readFileSync } from "node:fs";
import path from "node:path";
import { validate } from "../helpers/json-schema-subset.js";
import { repoRoot, shown, type TempProject } from "./run-cli.js";

const schema = JSON.parse(readFileSync(path.join(repoRoot, "schemas", "cli-output.schema.json"), "utf8")) as Record<string, unknown>;
const conforms = (value: unknown) => assert.deepEqual(validate(schema, { $ref: "#/$defs/targets" }, value), []);

const TENANTS = 100;
const head = revisionIds.at(-1)!;

describe(`upgrade --targets on ${TENANTS} tenant schemas x 10 revisions`, () => {
  let project: TempProject;
  let db: TenantDatabase;
  before(async () => {
    project = tenProject();
    db = await tenantDatabase(TENANTS);
    // tenant_0042 already has the table revision 0005 creates.
    await db.query("CREATE TABLE tenant_0042.t0005 (conflict int)");
  });
  after(async () => {
    await db.drop();
    project.remove();
  });

  test("one tenant's failing revision stops only that tenant, at its last good revision; the report names it and why; a rerun changes nothing else", async () => {
    const run = await project.run(["upgrade", "--targets", "tenant_*", "--parallel", "4", "--url", db.url]);
    assert.equal(run.code, 1, shown(run));
    const versions = await db.versions(TENANTS);
    for (let i = 1; i <= TENANTS; i++) {
      const name = tenantName(i);
      assert.deepEqual(versions.get(name), [name === "tenant_0042" ? "0004" : head], name);
    }
    // Unqualified names in the revisions landed in each tenant's schema, each revision once.
    const effects = await db.sideEffects(TENANTS);
    assert.deepEqual(
      effects.get("tenant_0001"),
      revisionIds.map((id) => `${id}x1`),
    );
    assert.deepEqual(effects.get("tenant_0042"), ["0001x1", "0002x1", "0003x1", "0004x1"]);
    assert.deepEqual(await db.query("SELECT to_regclass('public.t0001') IS NULL AS none"), [{ none: true }]);
    // The history table sits beside each tenant's version table.
    assert.deepEqual(await db.query("SELECT count(*)::int AS n FROM tenant_0001.athanor_history"), [{ n: 10 }]);

    assert.match(run.stdout, /^TARGET\s+BEFORE → AFTER\s+STATUS\s+ERROR$/m);
    assert.match(run.stdout, /^tenant_0001\s+base → 0010\s+applied$/m);
    assert.match(run.stdout, /^tenant_0042\s+base → 0004\s+failed\s+.*revision 0005 \(versions\/0005_r0005\.sql:\d+\)/m);
    assert.match(run.stdout, new RegExp(`^${TENANTS} targets: ${TENANTS - 1} applied, 1 failed \\(failed: tenant_0042\\); head: 0010$`, "m"));
    assert.match(run.stdout, /^tenant_0042: .*\n(.*\n)*\s+error: relation "t0005" already exists/m);

    const rerun = await project.run(["upgrade", "--targets", "tenant_*", "--url", db.url, "--json"]);
    assert.equal(rerun.code, 1, shown(rerun));
    const report = JSON.parse(rerun.stdout) as {
      target: string;
      status: string;
      before: string[];
      after: string[];
      error: { code: string; message: string } | null;
    }[];
    assert.equal(report.length, TENANTS);
    conforms(report);
    assert.deepEqual(report[0], { target: "tenant_0001", status: "up-to-date", before: [head], after: [head], behind: 0, steps: 0, error: null });
    const failed = report.filter((r) => r.status === "failed");
    assert.deepEqual(
      failed.map((r) => [r.target, r.before, r.after, r.error?.code]),
      [["tenant_0042", ["0004"], ["0004"], "MIGRATION_FAILED"]],
    );
    assert.match(failed[0]!.error!.message, /relation "t0005" already exists/);
    assert.deepEqual(
      (await db.sideEffects(TENANTS)).get("tenant_0002"),
      revisionIds.map((id) => `${id}x1`),
    );
  });

  test("current, status and check --targets show the drift: at head, behind by how many, on another head", async () => {
    await db.query("DELETE FROM tenant_0042.side_effects; DROP TABLE tenant_0042.t0005");
    await db.query("UPDATE tenant_0003.alembic_version SET version_num = '0007'");
    await db.query("DROP TABLE tenant_0003.t0008, tenant_0003.t0009, tenant_0003.t0010; DELETE FROM tenant_0003.side_effects WHERE revision > '0007'");
    await db.query("UPDATE tenant_0004.alembic_version SET version_num = 'ffff_elsewhere'");
    const current = await project.run(["current", "--targets", "tenant_000?,tenant_0042", "--url", db.url]);
    assert.equal(current.code, 0, shown(current));
    assert.match(current.stdout, /^TARGET\s+CURRENT\s+STATUS$/m);
    assert.match(current.stdout, /^tenant_0001\s+0010\s+at-head$/m);
    assert.match(current.stdout, /^tenant_0003\s+0007\s+behind 3$/m);
    assert.match(current.stdout, /^tenant_0004\s+ffff_elsewhere\s+other head$/m);
    assert.match(current.stdout, /^tenant_0042\s+0004\s+behind 6$/m);
    assert.match(current.stdout, /^10 targets: 7 at-head, 2 behind, 1 other head; head: 0010$/m);

    const status = await project.run(["status", "--targets", "tenant_0003", "--url", db.url, "--json"]);
    assert.equal(status.code, 0, shown(status));
    assert.deepEqual(JSON.parse(status.stdout), [
      { target: "tenant_0003", status: "behind", before: ["0007"], after: ["0007"], behind: 3, steps: 0, error: null },
    ]);

    const check = await project.run(["check", "--targets", "tenant_0001,tenant_0003", "--url", db.url]);
    assert.equal(check.code, 1, shown(check));
    const ok = await project.run(["check", "--targets", "tenant_0001,tenant_0002", "--url", db.url]);
    assert.equal(ok.code, 0, shown(ok));

    const fixed = await project.run(["upgrade", "--targets", "tenant_0003,tenant_0042", "--url", db.url]);
    assert.equal(fixed.code, 0, shown(fixed));
    assert.match(fixed.stdout, /^tenant_0003\s+0007 → 0010\s+applied$/m);
    assert.match(fixed.stdout, /^tenant_0042\s+0004 → 0010\s+applied$/m);
  });

  test("a glob that matches nothing is an error naming it, before anything runs", async () => {
    const run = await project.run(["upgrade", "--targets", "tenant_*,shard_*", "--url", db.url]);
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /^error: --targets glob "shard_\*" matches no schema in 127\.0\.0\.1:\d+\/targets_\w+$/m);
    const missing = await project.run(["current", "--targets", "tenant_9999", "--url", db.url, "--json"]);
    assert.equal(missing.code, 2, shown(missing));
    assert.equal((JSON.parse(missing.stdout) as { error: { code: string } }).error.code, "TARGET_NOT_FOUND");
  });

  test("a query naming schemas, and a targets file, pick the targets", async () => {
    const query = "SELECT nspname FROM pg_namespace WHERE nspname IN ('tenant_0005', 'tenant_0006') ORDER BY 1";
    const run = await project.run(["current", "--targets", query, "--url", db.url, "--json"]);
    assert.equal(run.code, 0, shown(run));
    assert.deepEqual(
      (JSON.parse(run.stdout) as { target: string }[]).map((r) => r.target),
      ["tenant_0005", "tenant_0006"],
    );
    project.write("targets.txt", `# two tenants\ntenant_0007\n\n${query}\n`);
    const fromFile = await project.run(["current", "--targets", "@targets.txt", "--url", db.url, "--json"]);
    assert.deepEqual(
      (JSON.parse(fromFile.stdout) as { target: string }[]).map((r) => r.target),
      ["tenant_0007", "tenant_0005", "tenant_0006"],
    );
  });
});

describe("--fail-fast, URLs and sql --targets", () => {
  let project: TempProject;
  let db: TenantDatabase;
  before(async () => {
    project = tenProject();
    db = await tenantDatabase(6);
    await db.query("CREATE TABLE tenant_0001.t0002 (conflict int)");
  });
  after(async () => {
    await db.drop();
    project.remove();
  });

  test("--fail-fast starts no target after the first failure and reports the rest as not run", async () => {
    const run = await project.run(["upgrade", "--targets", "tenant_*", "--parallel", "1", "--fail-fast", "--url", db.url, "--json"]);
    assert.equal(run.code, 1, shown(run));
    const report = JSON.parse(run.stdout) as { target: string; status: string; after: string[] }[];
    conforms(report);
    assert.deepEqual(
      report.map((r) => [r.target, r.status, r.after]),
      [["tenant_0001", "failed", ["0001"]], ...[2, 3, 4, 5, 6].map((i) => [`tenant_000${i}`, "not-run", []])],
    );
    assert.deepEqual((await db.versions(6)).get("tenant_0002"), []);
  });

  test("a database URL with #schema is a target; its password never reaches the output", async () => {
    const url = new URL(db.url);
    url.password = "s3cret-pw";
    const withSchema = `${url.toString()}#tenant_0002`;
    const run = await project.run(["upgrade", "--targets", `${withSchema},tenant_0003`, "--url", db.url]);
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /^127\.0\.0\.1:\d+\/targets_\w+#tenant_0002\s+base → 0010\s+applied$/m);
    assert.match(run.stdout, /^tenant_0003\s+base → 0010\s+applied$/m);
    assert.doesNotMatch(run.stdout + run.stderr, /s3cret-pw/);
  });

  test("downgrade --targets steps each target back; the target flags without --targets, or a bad count, are refused", async () => {
    const run = await project.run(["downgrade", "--targets", "tenant_0002,tenant_0003", "--url", db.url, "--json"]);
    assert.equal(run.code, 0, shown(run));
    assert.deepEqual(
      (JSON.parse(run.stdout) as { target: string; status: string; before: string[]; after: string[]; behind: number }[]).map((r) => [
        r.target,
        r.status,
        r.before,
        r.after,
        r.behind,
      ]),
      [
        ["tenant_0002", "applied", ["0010"], ["0009"], 1],
        ["tenant_0003", "applied", ["0010"], ["0009"], 1],
      ],
    );
    assert.deepEqual(await db.query("SELECT to_regclass('tenant_0002.t0010') IS NULL AS gone"), [{ gone: true }]);
    const alone = await project.run(["upgrade", "--parallel", "2", "--url", db.url]);
    assert.equal(alone.code, 2, shown(alone));
    assert.match(alone.stderr, /^error: --parallel only works with --targets$/m);
    const zero = await project.run(["current", "--targets", "tenant_*", "--parallel", "0", "--url", db.url]);
    assert.equal(zero.code, 2, shown(zero));
    assert.match(zero.stderr, /--parallel must be a whole number of at least 1, got "0"/);
  });

  test("the config file's targets are used when --targets is not given", async () => {
    project.write("athanor.config.ts", `export default { targets: ["tenant_0002", "tenant_000[3]"] };\n`);
    try {
      const run = await project.run(["current", "--url", db.url, "--json"]);
      assert.equal(run.code, 0, shown(run));
      assert.deepEqual(
        (JSON.parse(run.stdout) as { target: string }[]).map((r) => r.target),
        ["tenant_0002", "tenant_0003"],
      );
      const flag = await project.run(["current", "--targets", "tenant_0004", "--url", db.url, "--json"]);
      assert.deepEqual(
        (JSON.parse(flag.stdout) as { target: string }[]).map((r) => r.target),
        ["tenant_0004"],
      );
    } finally {
      project.write("athanor.config.ts", "export default {};\n");
    }
  });

  test("sql --targets prints each target's script under a header naming it and setting search_path", async () => {
    const run = await project.run(["sql", "--targets", "tenant_0004,tenant_0005", "0002"]);
    assert.equal(run.code, 0, shown(run));
    const sections = run.stdout.split(/(?=^-- Target: )/m);
    assert.equal(sections.length, 2, run.stdout);
    assert.match(sections[0]!, /^-- Target: tenant_0004\nSET search_path TO tenant_0004, public;\n/);
    assert.match(sections[0]!, /CREATE TABLE tenant_0004\.alembic_version/);
    assert.match(sections[0]!, /CREATE TABLE t0002 \(id int PRIMARY KEY\);/);
    assert.match(sections[1]!, /INSERT INTO tenant_0005\.alembic_version \(version_num\) VALUES \('0001'\)/);
    assert.doesNotMatch(run.stdout, /t0003/);
    // A glob reads the names from --url.
    const glob = await project.run(["sql", "--targets", "tenant_000[56]", "--url", db.url]);
    assert.equal(glob.code, 0, shown(glob));
    assert.deepEqual(
      [...glob.stdout.matchAll(/^-- Target: (\S+)/gm)].map((m) => m[1]),
      ["tenant_0005", "tenant_0006"],
    );
  });
});
