// The migration lock follows the config's `lock` unless --lock/--no-lock is given: a
// flag left out must not override `lock: false`. Seen from outside: another session
// holds the advisory lock; an upgrade that takes the lock times out, one that does
// not runs.
import assert from "node:assert/strict";
import { test } from "node:test";
import pg from "pg";
import { qualifiedName } from "../../src/dialect/postgres/quote.js";
import { advisoryLockKey } from "../../src/runtime/advisory-lock.js";
import { createTestDatabase } from "../helpers/database.js";
import { addRevision, createProject, shown, type TempProject } from "./run-cli.js";

function project(lockSetting: string): TempProject {
  const p = createProject({ config: `export default { ${lockSetting} };\n` });
  addRevision(p, { id: "0001", down: null, message: "initial", up: ["CREATE TABLE users (id int)"], downSql: ["DROP TABLE users"] });
  return p;
}

test("lock: false in the config is honoured without a flag, and --lock / --no-lock override the config", async () => {
  const db = await createTestDatabase("lockcfg");
  const holder = new pg.Client({ connectionString: db.url });
  await holder.connect();
  const unlocked = project("lock: false");
  const locked = project("");
  try {
    await holder.query("SELECT pg_advisory_lock($1::bigint)", [advisoryLockKey(qualifiedName("alembic_version")).toString()]);
    const args = ["upgrade", "head", "--url", db.url, "--lock-timeout", "1s"];

    const blocked = await locked.run(args);
    assert.notEqual(blocked.code, 0, shown(blocked));
    assert.match(blocked.stderr, /lock/i, shown(blocked));

    const forced = await unlocked.run([...args, "--lock"]);
    assert.notEqual(forced.code, 0, `--lock overrides lock: false\n${shown(forced)}`);

    const ran = await unlocked.run(args);
    assert.equal(ran.code, 0, `lock: false skips the lock\n${shown(ran)}`);
    const rows = await holder.query("SELECT version_num FROM alembic_version");
    assert.deepEqual(rows.rows, [{ version_num: "0001" }]);

    await holder.query("DELETE FROM alembic_version; DROP TABLE users");
    const skipped = await locked.run([...args, "--no-lock"]);
    assert.equal(skipped.code, 0, `--no-lock overrides the default\n${shown(skipped)}`);
  } finally {
    await holder.end();
    unlocked.remove();
    locked.remove();
    await db.drop();
  }
});
