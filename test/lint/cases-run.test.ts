// The revisions the rule tests lint are real revisions: on PostgreSQL, after a base
// revision creating the tables they take as existing, every one of them upgrades, the
// safe recipes as written, except the one whose point is that PostgreSQL refuses it
// (CONCURRENTLY inside the revision's transaction).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { runInProcess } from "../helpers/in-process-cli.js";
import { LintProject } from "./lint-project.js";
import { cases, EXISTING_TABLES, type Side } from "./rule-cases.js";

let database: TestDatabase;
const projects: LintProject[] = [];
before(async () => {
  database = await createTestDatabase("lint");
});
after(async () => {
  for (const project of projects) project.remove();
  await database.drop();
});

/** An empty public schema for the next run. */
async function resetSchema(): Promise<void> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
  } finally {
    await client.end();
  }
}

async function upgrade(format: "ts" | "sql", side: Side) {
  const project = new LintProject();
  projects.push(project);
  project.add("sql", { body: EXISTING_TABLES });
  for (const revision of side.before ?? []) project.add(format, revision);
  project.add(format, side.revision);
  await resetSchema();
  return runInProcess(["upgrade", "head", "--url", database.url], { cwd: project.dir });
}

for (const ruleCase of cases) {
  for (const format of ["ts", "sql"] as const) {
    for (const kind of ["flagged", "safe"] as const) {
      const refused = ruleCase.rule === "no-concurrently-in-transaction" && kind === "flagged";
      test(`${ruleCase.rule}: the ${kind} ${format.toUpperCase()} revision ${refused ? "is refused by PostgreSQL's rule, as lint says" : "upgrades on PostgreSQL"}`, async () => {
        const result = await upgrade(format, ruleCase[kind][format]);
        const shown = `exit ${result.code}\n${result.stdout}\n${result.stderr}`;
        if (!refused) assert.equal(result.code, 0, shown);
        else {
          assert.notEqual(result.code, 0, shown);
          assert.match(result.stderr, /cannot run inside a transaction/, shown);
        }
      });
    }
  }
}
