// The SQL classifier reads tokens, not text: a keyword inside a string, a comment or a
// dollar-quoted body never makes a statement look like DDL; one ALTER TABLE with
// several actions gives one entry per action.
import assert from "node:assert/strict";
import { test } from "node:test";
import { classifySql } from "../../src/lint/classify-sql.js";
import { lintRevisions, type LintInput } from "../../src/lint/lint.js";
import { locateStatements } from "../../src/dialect/postgres/split-statements.js";

function lintSql(sql: string, overrides: Partial<LintInput> = {}) {
  const statements = [...locateStatements(sql)].flatMap((s, i) => classifySql(s.sql, { line: s.line, statement: i }));
  return lintRevisions([
    { revision: "0001", path: "versions/0001.sql", format: "sql", transactional: true, lockTimeout: true, statements, disableComments: [], ...overrides },
  ]);
}

test("DDL words inside strings, comments and dollar bodies flag nothing", () => {
  const findings = lintSql(`
    INSERT INTO notes (body) VALUES ('CREATE INDEX ix ON users (email)');
    -- ALTER TABLE users DROP COLUMN email;
    /* DROP TABLE users; */
    DO $$ BEGIN EXECUTE 'ALTER TABLE users RENAME TO people'; END $$;
    SELECT 'ALTER TABLE users ALTER COLUMN email SET NOT NULL';
  `);
  assert.deepEqual(findings, []);
});

test("each action of one ALTER TABLE is its own entry, all on the statement's line", () => {
  const statements = classifySql("ALTER TABLE users\n  ADD COLUMN a int,\n  DROP COLUMN b,\n  ALTER COLUMN c TYPE bigint,\n  RENAME COLUMN d TO e", {
    line: 7,
    statement: 0,
  });
  assert.deepEqual(
    statements.map((s) => [s.kind, s.line]),
    [
      ["addColumn", 7],
      ["dropColumn", 7],
      ["alterColumnType", 7],
      ["renameColumn", 7],
    ],
  );
});

test("the line is the first code line of the statement, after its leading comments", () => {
  const [statement] = classifySql("-- why\n-- more\nCREATE INDEX ix ON users (email)", { line: 10, statement: 0 });
  assert.equal(statement?.line, 12);
});

test("quoted and schema-qualified names are read as PostgreSQL reads them", () => {
  const [drop] = classifySql('ALTER TABLE "App"."Users" DROP COLUMN "Email"', { line: 1, statement: 0 });
  assert.deepEqual(drop, { kind: "dropColumn", table: { name: "Users", schema: "App" }, column: "Email", line: 1, statement: 0 });
  const [index] = classifySql("create unique index concurrently if not exists ix on only public.users using btree (lower(email))", { line: 1, statement: 0 });
  assert.deepEqual(index, {
    kind: "createIndex",
    table: { name: "users", schema: "public" },
    name: "ix",
    concurrently: true,
    line: 1,
    statement: 0,
    refusesTransaction: true,
  });
});

test("a table created earlier in the revision is new: nothing on it is flagged", () => {
  const findings = lintSql(`
    CREATE TABLE accounts (id bigint, email text, legacy text);
    CREATE INDEX ix_accounts_email ON accounts (email);
    ALTER TABLE accounts ADD COLUMN token uuid DEFAULT gen_random_uuid(), ALTER COLUMN email SET NOT NULL, DROP COLUMN legacy;
    ALTER TABLE accounts ADD CONSTRAINT accounts_email_check CHECK (email <> '');
  `);
  assert.deepEqual(findings, []);
});

test("the same statements on an existing table are each flagged", () => {
  const rules = lintSql(`
    CREATE INDEX ix_users_email ON users (email);
    ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid(), ALTER COLUMN email SET NOT NULL, DROP COLUMN legacy;
    ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email <> '');
  `).map((f) => f.rule);
  assert.deepEqual(rules, [
    "require-concurrent-index",
    "no-volatile-default",
    "require-check-before-not-null",
    "no-drop-column",
    "require-not-valid-constraint",
  ]);
});

test("ADD UNIQUE or PRIMARY KEY builds an index unless USING INDEX names one built concurrently", () => {
  assert.deepEqual(
    lintSql("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)").map((f) => f.rule),
    ["require-concurrent-index"],
  );
  assert.deepEqual(lintSql("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX ix_users_email"), []);
  assert.deepEqual(lintSql("ALTER TABLE users ADD PRIMARY KEY USING INDEX users_id_idx"), []);
  assert.deepEqual(
    lintSql("ALTER TABLE users ADD UNIQUE (email) USING INDEX TABLESPACE fast").map((f) => f.rule),
    ["require-concurrent-index"],
  );
});

test("NOT VALID then VALIDATE in the same transaction is flagged at the VALIDATE", () => {
  const findings = lintSql(
    "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT fk;",
  );
  assert.deepEqual(
    findings.map((f) => [f.rule, f.line]),
    [["require-not-valid-constraint", 2]],
  );
});

test("defaults: constants and stable functions are stored once; volatile and unknown calls are flagged", () => {
  const rule = (sql: string) => lintSql(sql).map((f) => f.rule);
  assert.deepEqual(
    rule(
      "ALTER TABLE users ADD COLUMN a int DEFAULT 0, ADD COLUMN b jsonb DEFAULT '{}'::jsonb, ADD COLUMN c timestamptz DEFAULT CURRENT_TIMESTAMP, ADD COLUMN d numeric DEFAULT '1'::numeric(10,2)",
    ),
    [],
  );
  assert.deepEqual(rule("ALTER TABLE users ADD COLUMN a timestamptz DEFAULT clock_timestamp()"), ["no-volatile-default"]);
  assert.deepEqual(rule("ALTER TABLE users ADD COLUMN a bigserial"), ["no-volatile-default"]);
  assert.deepEqual(rule("ALTER TABLE users ADD COLUMN a bigint GENERATED ALWAYS AS IDENTITY"), ["no-volatile-default"]);
  assert.match(lintSql("ALTER TABLE users ADD COLUMN a text DEFAULT my_slug()")[0]?.message ?? "", /if my_slug\(\) is VOLATILE/);
});

test("type changes: only widening a known type keeps the table", () => {
  const rule = (sql: string) => lintSql(sql).map((f) => f.rule);
  assert.deepEqual(rule("ALTER TABLE users ADD COLUMN n numeric(10,2); ALTER TABLE users ALTER COLUMN n TYPE numeric(12,2)"), []);
  assert.deepEqual(rule("ALTER TABLE users ADD COLUMN n varchar(50); ALTER TABLE users ALTER COLUMN n TYPE varchar(20)"), ["no-rewriting-type-change"]);
  assert.deepEqual(rule("ALTER TABLE users ADD COLUMN n varchar(50); ALTER TABLE users ALTER COLUMN n TYPE text USING trim(n)"), ["no-rewriting-type-change"]);
  assert.deepEqual(rule("ALTER TABLE users ADD COLUMN n int; ALTER TABLE users ALTER COLUMN n TYPE bigint"), ["no-rewriting-type-change"]);
});

test("lock_timeout: a revision that only creates tables needs none; SET after the DDL is too late", () => {
  assert.deepEqual(lintSql("CREATE TABLE a (id int); CREATE INDEX ix ON a (id)", { lockTimeout: false }), []);
  const late = lintSql("ALTER TABLE users ADD COLUMN bio text;\nSET lock_timeout = '2s';", { lockTimeout: false });
  assert.deepEqual(
    late.map((f) => [f.rule, f.line]),
    [["require-lock-timeout", 1]],
  );
  assert.deepEqual(lintSql("SELECT set_config('lock_timeout', '2s', true); ALTER TABLE users ADD COLUMN bio text", { lockTimeout: false }), []);
});
