// The rev specs Alembic answered (test/fixtures/alembic, `resolve` and `history` cases)
// asked again through the command line, in process: `show <spec> --json` and
// `history -r <range> --json` on the same graph written as revision files. The graph
// oracle test checks src/graph; this checks that the CLI passes the argument through
// unchanged and prints the same revisions (an error where Alembic gave one: exit 2).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { parseRevSpec } from "../../src/graph/rev-spec.js";
import { addRevisionFile } from "./oracle-project.js";
import { createProject } from "../cli/run-cli.js";
import { runInProcess } from "../helpers/in-process-cli.js";
import type { AlembicGraph, Fixture } from "../oracle/fixture.js";

const fixtureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "alembic");
const fixtures = readdirSync(fixtureDir)
  .filter((name) => name.endsWith(".json"))
  .sort();

/** `-1`, `audit@+2`: a walk from the database's current revision (a spec that does not parse is none). */
function isWalkFromCurrent(text: string): boolean {
  try {
    const spec = parseRevSpec(text);
    return spec.kind === "relative" && spec.symbol === undefined;
  } catch {
    return false;
  }
}

async function checkGraph(graph: AlembicGraph, asked: { count: number }): Promise<string[]> {
  const project = createProject();
  const problems: string[] = [];
  try {
    for (const revision of graph.revisions) addRevisionFile(project, revision);
    for (const c of graph.cases) {
      if (c.kind !== "resolve" && c.kind !== "history") continue;
      if ("alembicCrash" in c || c.variesWithHashSeed) continue;
      // `show -1` counts from the database, which show does not read: the recorder used none.
      if (c.kind === "resolve" && isWalkFromCurrent(c.spec)) continue;
      const args = c.kind === "resolve" ? ["show", c.spec, "--json"] : ["history", "-r", c.range, "--json"];
      const result = await runInProcess(args, { cwd: project.dir });
      asked.count++;
      const what = `${graph.name}: athanor ${args.join(" ")}`;
      if ("error" in c) {
        if (result.code !== 2) problems.push(`${what}: Alembic refused (${c.error.message}), athanor exited ${result.code}`);
        continue;
      }
      if (result.code !== 0) {
        problems.push(`${what}: Alembic answered [${c.result.join(", ")}], athanor exited ${result.code}: ${result.stderr.slice(0, 300)}`);
        continue;
      }
      const ids = (JSON.parse(result.stdout || "[]") as { revision: string }[]).map((r) => r.revision);
      const expected = c.kind === "resolve" ? [...c.result].sort() : c.result;
      const actual = c.kind === "resolve" ? [...ids].sort() : ids;
      if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${what}: Alembic [${expected.join(", ")}], athanor [${actual.join(", ")}]`);
    }
  } finally {
    project.remove();
  }
  return problems;
}

for (const name of fixtures) {
  const fixture = JSON.parse(readFileSync(path.join(fixtureDir, name), "utf8")) as Fixture;
  test(`show and history -r through the CLI answer as Alembic did (${name})`, async () => {
    const problems: string[] = [];
    const asked = { count: 0 };
    for (const graph of fixture.graphs) if (graph.historyError === undefined) problems.push(...(await checkGraph(graph, asked)));
    assert.deepEqual(problems, []);
    assert.ok(asked.count >= 20, `only ${asked.count} cases asked`);
  });
}
