// Offline ranges that run nothing (README, The graph: empty and reversed ranges): a
// reversed range is refused with the two requests it may have meant; a range whose ends
// coincide prints Alembic's empty transaction with a notice on stderr.
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { test } from "node:test";
import { AthanorError } from "../../src/errors.js";
import { Migrator } from "../../src/runtime/migrator.js";
import { REFERENCE, sources } from "../graph/graph-fixture.js";

function offline(): { migrator: Migrator; notices: string[]; script: () => string; output: { write(text: string): void } } {
  const notices: string[] = [];
  let text = "";
  const migrator = new Migrator({ config: { cwd: tmpdir(), historyTable: false }, revisions: sources(...REFERENCE), onNotice: (line) => notices.push(line) });
  return { migrator, notices, script: () => text, output: { write: (t: string) => (text += t) } };
}

const refusal =
  (...patterns: RegExp[]) =>
  (error: unknown) =>
    error instanceof AthanorError && error.exitCode === 2 && patterns.every((p) => p.test(`${error.message}\n${error.hint}`));

test("upgrade 0004:0002 --sql is refused: it goes down, and both meant requests are named", async () => {
  const run = offline();
  await assert.rejects(
    run.migrator.upgrade("0004:0002", { sql: true, output: run.output }),
    refusal(/Upgrade range 0004:0002 goes down: 0002 is already below 0004/, /athanor downgrade 0004:0002 --sql/, /athanor upgrade 0002:0004 --sql/),
  );
  assert.equal(run.script(), "", "nothing printed");
});

test("a range down to base, or down along a dependency, is refused the same way", async () => {
  const run = offline();
  await assert.rejects(
    run.migrator.upgrade("0002:base", { sql: true, output: run.output }),
    refusal(/goes down: base is already below 0002/, /upgrade base:0002 --sql/),
  );
  await assert.rejects(run.migrator.upgrade("a101:0001", { sql: true, output: run.output }), refusal(/goes down/, /downgrade a101:0001 --sql/));
});

test("a range whose ends coincide prints Alembic's empty transaction and says why on stderr", async () => {
  for (const range of ["0004:0004", "0006:0006", "a101:audit@head"]) {
    const run = offline();
    await run.migrator.upgrade(range, { sql: true, output: run.output });
    assert.equal(run.script(), "BEGIN;\nCOMMIT;\n", range);
    assert.match(run.notices.join("\n"), new RegExp(`Nothing to upgrade: ${range} starts where it ends`));
  }
  const down = offline();
  await down.migrator.downgrade("0004:0004", { sql: true, output: down.output });
  assert.equal(down.script(), "BEGIN;\nCOMMIT;\n");
  assert.match(down.notices.join("\n"), /Nothing to downgrade/);
});

test("downgrade 0002:0004 --sql keeps Alembic's error and names the upgrade it may have meant", async () => {
  const run = offline();
  await assert.rejects(
    run.migrator.downgrade("0002:0004", { sql: true, output: run.output }),
    refusal(/Downgrade range 0002:0004 goes up: Destination 0004 is not a valid downgrade target/, /athanor upgrade 0002:0004 --sql/),
  );
});
