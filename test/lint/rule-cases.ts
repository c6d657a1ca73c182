// The revisions every lint rule is tested on: one it must flag and one written the safe
// way it recommends, each as a TypeScript revision (operations) and a SQL revision
// (statements). `users`, `orders` and `legacy` are existing tables: no linted revision
// creates them (EXISTING_TABLES creates them when the revisions are run for real).
import type { RevisionSpec } from "./lint-project.js";

/** The tables the cases take as existing, as a base revision creates them on a real database. */
export const EXISTING_TABLES = [
  "CREATE TABLE users (id bigint PRIMARY KEY, email text, name text, age int, legacy_flag boolean, a int, b int)",
  "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint)",
  "CREATE TABLE legacy (id int)",
  "CREATE INDEX users_pkey_old ON users (id)",
];

export interface Side {
  /** Revisions of the range before the one under test (the scope it builds on). */
  readonly before?: readonly RevisionSpec[];
  readonly revision: RevisionSpec;
  /** Which body entry the finding points at (flagged only; default the first). */
  readonly at?: number;
}

export interface RuleCase {
  readonly rule: string;
  readonly flagged: { readonly ts: Side; readonly sql: Side };
  readonly safe: { readonly ts: Side; readonly sql: Side };
}

const one = (...body: string[]): Side => ({ revision: { body } });

export const cases: RuleCase[] = [
  {
    rule: "require-concurrent-index",
    flagged: {
      ts: one('await op.createIndex("ix_users_email", "users", ["email"]);'),
      sql: one("CREATE INDEX ix_users_email ON users (email)"),
    },
    safe: {
      ts: { revision: { transactional: false, body: ['await op.createIndex("ix_users_email", "users", ["email"], { concurrently: true });'] } },
      sql: { revision: { transactional: false, body: ["CREATE INDEX CONCURRENTLY ix_users_email ON users (email)"] } },
    },
  },
  {
    rule: "require-concurrent-index-drop",
    flagged: { ts: one('await op.dropIndex("users_pkey_old");'), sql: one("DROP INDEX users_pkey_old") },
    safe: {
      ts: { revision: { transactional: false, body: ['await op.dropIndex("users_pkey_old", { concurrently: true });'] } },
      sql: { revision: { transactional: false, body: ["DROP INDEX CONCURRENTLY users_pkey_old"] } },
    },
  },
  {
    rule: "require-not-valid-constraint",
    flagged: {
      ts: one('await op.createForeignKey("orders_user_fk", "orders", "users", ["user_id"], ["id"]);'),
      sql: one("ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)"),
    },
    safe: {
      // NOT VALID now, VALIDATE in a revision of its own.
      ts: {
        revision: { body: ['await op.createForeignKey("orders_user_fk", "orders", "users", ["user_id"], ["id"], { notValid: true });'] },
        before: [],
      },
      sql: { revision: { body: ["ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID"] } },
    },
  },
  {
    rule: "require-check-before-not-null",
    flagged: {
      ts: one('await op.alterColumn("users", "email", { nullable: false });'),
      sql: one("ALTER TABLE users ALTER COLUMN email SET NOT NULL"),
    },
    safe: {
      ts: {
        before: [{ body: ['await op.createCheckConstraint("users_email_not_null", "users", "email IS NOT NULL", { notValid: true });'] }],
        revision: { body: ['await op.validateConstraint("users_email_not_null", "users");', 'await op.alterColumn("users", "email", { nullable: false });'] },
      },
      sql: {
        before: [{ body: ["ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID"] }],
        revision: { body: ["ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null", "ALTER TABLE users ALTER COLUMN email SET NOT NULL"] },
      },
    },
  },
  {
    rule: "no-rewriting-type-change",
    flagged: {
      ts: one('await op.alterColumn("users", "age", { type: "bigint" });'),
      sql: one("ALTER TABLE users ALTER COLUMN age TYPE bigint"),
    },
    safe: {
      // Widening a varchar the range added keeps the table as it is.
      ts: {
        before: [{ body: ['await op.addColumn("users", { name: "nickname", type: "varchar(50)" });'] }],
        revision: { body: ['await op.alterColumn("users", "nickname", { type: "varchar(100)" });'] },
      },
      sql: {
        before: [{ body: ["ALTER TABLE users ADD COLUMN nickname varchar(50)"] }],
        revision: { body: ["ALTER TABLE users ALTER COLUMN nickname TYPE text"] },
      },
    },
  },
  {
    rule: "no-volatile-default",
    flagged: {
      ts: one('await op.addColumn("users", { name: "token", type: "uuid", default: "gen_random_uuid()" });'),
      sql: one("ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid()"),
    },
    safe: {
      ts: one('await op.addColumn("users", { name: "created_at", type: "timestamptz", default: "now()", nullable: false });'),
      sql: one("ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now()"),
    },
  },
  {
    rule: "no-required-column",
    flagged: {
      ts: one('await op.addColumn("users", { name: "plan", type: "text", nullable: false });'),
      sql: one("ALTER TABLE users ADD COLUMN plan text NOT NULL"),
    },
    safe: {
      ts: one('await op.addColumn("users", { name: "plan", type: "text", nullable: false, default: "\'free\'" });'),
      sql: one("ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free'"),
    },
  },
  {
    rule: "no-drop-column",
    flagged: { ts: one('await op.dropColumn("users", "legacy_flag");'), sql: one("ALTER TABLE users DROP COLUMN legacy_flag") },
    safe: {
      ts: one(
        'await op.createTable("staging", { columns: [{ name: "id", type: "int" }, { name: "junk", type: "text" }] });',
        'await op.dropColumn("staging", "junk");',
      ),
      sql: one("CREATE TABLE staging (id int, junk text)", "ALTER TABLE staging DROP COLUMN junk"),
    },
  },
  {
    rule: "no-drop-table",
    flagged: { ts: one('await op.dropTable("legacy");'), sql: one("DROP TABLE legacy") },
    safe: {
      ts: one('await op.createTable("scratch", { columns: [{ name: "id", type: "int" }] });', 'await op.dropTable("scratch");'),
      sql: one("CREATE TABLE scratch (id int)", "DROP TABLE scratch"),
    },
  },
  {
    rule: "no-rename-column",
    flagged: {
      ts: one('await op.alterColumn("users", "name", { newName: "full_name" });'),
      sql: one("ALTER TABLE users RENAME COLUMN name TO full_name"),
    },
    safe: {
      ts: one(
        'await op.createTable("people", { columns: [{ name: "name", type: "text" }] });',
        'await op.alterColumn("people", "name", { newName: "full_name" });',
      ),
      sql: one("CREATE TABLE people (name text)", "ALTER TABLE people RENAME COLUMN name TO full_name"),
    },
  },
  {
    rule: "no-rename-table",
    flagged: { ts: one('await op.renameTable("users", "accounts");'), sql: one("ALTER TABLE users RENAME TO accounts") },
    safe: {
      ts: one('await op.createTable("draft", { columns: [{ name: "id", type: "int" }] });', 'await op.renameTable("draft", "drafts");'),
      sql: one("CREATE TABLE draft (id int)", "ALTER TABLE draft RENAME TO drafts"),
    },
  },
  {
    rule: "require-lock-timeout",
    flagged: {
      ts: {
        revision: {
          lockTimeout: false,
          body: ['await op.createTable("notes", { columns: [{ name: "id", type: "int" }] });', 'await op.addColumn("users", { name: "bio", type: "text" });'],
        },
        at: 1,
      },
      sql: { revision: { lockTimeout: false, body: ["CREATE TABLE notes (id int)", "ALTER TABLE users ADD COLUMN bio text"] }, at: 1 },
    },
    safe: {
      ts: {
        revision: {
          lockTimeout: false,
          body: ["await op.execute(\"SET lock_timeout = '2s'\");", 'await op.addColumn("users", { name: "bio", type: "text" });'],
        },
      },
      sql: { revision: { lockTimeout: false, body: ["SET lock_timeout = '2s'", "ALTER TABLE users ADD COLUMN bio text"] } },
    },
  },
  {
    rule: "non-transactional-single-statement",
    flagged: {
      ts: {
        revision: {
          transactional: false,
          body: [
            'await op.createIndex("ix_a", "users", ["a"], { concurrently: true });',
            'await op.createIndex("ix_b", "users", ["b"], { concurrently: true });',
          ],
        },
        at: 1,
      },
      sql: { revision: { transactional: false, body: ["CREATE INDEX CONCURRENTLY ix_a ON users (a)", "CREATE INDEX CONCURRENTLY ix_b ON users (b)"] }, at: 1 },
    },
    safe: {
      ts: {
        revision: {
          transactional: false,
          body: ["await op.execute(\"SET lock_timeout = '2s'\");", 'await op.createIndex("ix_a", "users", ["a"], { concurrently: true });'],
        },
      },
      sql: { revision: { transactional: false, body: ["SET lock_timeout = '2s'", "CREATE INDEX CONCURRENTLY ix_a ON users (a)"] } },
    },
  },
  {
    rule: "no-concurrently-in-transaction",
    flagged: {
      ts: one('await op.createIndex("ix_users_email", "users", ["email"], { concurrently: true });'),
      sql: one("CREATE INDEX CONCURRENTLY ix_users_email ON users (email)"),
    },
    safe: {
      // TS: the autocommit block runs it outside the revision's transaction.
      ts: one("await op.autocommitBlock(async () => {", '  await op.createIndex("ix_users_email", "users", ["email"], { concurrently: true });', "});"),
      sql: { revision: { transactional: false, body: ["CREATE INDEX CONCURRENTLY ix_users_email ON users (email)"] } },
    },
  },
];
