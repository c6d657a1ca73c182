// The built CLI on an edited applied revision and on its history: upgrade warns,
// `--strict` exits 1, `check` lists an edited-revision problem, and `history --applied`
// prints what ran, newest first (text and --json).
import assert from "node:assert/strict";
import { appendFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { createTestDatabase } from "../helpers/database.js";
import { sampleRevisions, writeProject } from "../runtime/sample-project.js";
import { startCli } from "./slow-project.js";

test("CLI: edited revision warns, --strict exits 1, check lists it; history --applied lists the steps newest first", async () => {
  const project = writeProject(sampleRevisions.slice(0, 3));
  const database = await createTestDatabase("cliedit");
  const cli = async (...args: string[]) => startCli(project.dir, [...args, "--url", database.url]).done;
  try {
    const first = await cli("upgrade", "0002");
    assert.equal(first.code, 0, first.stderr);

    const applied = await cli("history", "--applied");
    assert.equal(applied.code, 0, applied.stderr);
    const lines = applied.stdout.trim().split("\n");
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  upgrade  0002 add_email  \d+ ms  by \S+@\S+  \(athanor \d+\.\d+\.\d+\)$/);
    assert.match(lines[1]!, /  upgrade  0001 initial_schema  /);
    const json = JSON.parse((await cli("history", "--applied", "--json")).stdout) as { revision: string; sha256: string; appliedAt: string }[];
    assert.deepEqual(
      json.map((e) => e.revision),
      ["0002", "0001"],
    );
    assert.match(json[0]!.sha256, /^[0-9a-f]{64}$/);

    const name = readdirSync(path.join(project.dir, "versions")).find((file) => file.includes("_0001_"))!;
    appendFileSync(path.join(project.dir, "versions", name), "\n// edited after it was applied\n");

    const strict = await cli("upgrade", "--strict");
    assert.equal(strict.code, 1, strict.stderr);
    assert.match(strict.stderr, new RegExp(`error: .*\\n  versions/${name.replaceAll(".", "\\.")} changed after it was applied on `));

    const warned = await cli("upgrade");
    assert.equal(warned.code, 0, warned.stderr);
    assert.match(
      warned.stderr,
      new RegExp(`warning: versions/${name.replaceAll(".", "\\.")} changed after it was applied on \\S+ \\S+: never edit an applied revision; write a new one`),
    );

    const check = await cli("check", "--json");
    assert.equal(check.code, 1, check.stderr);
    const problems = (JSON.parse(check.stdout) as { problems: { kind: string; message: string }[] }).problems;
    assert.deepEqual(
      problems.map((p) => p.kind),
      ["edited-revision"],
    );
  } finally {
    await database.drop();
    project.remove();
  }
});
