// Golden SQL for the constraint operations: primary key, unique, foreign key (every
// option, NOT VALID then VALIDATE), check (NOT VALID, NO INHERIT) and dropConstraint.
import { goldenSuite } from "./golden.js";

goldenSuite(
  "constraint operations",
  [
    "CREATE SCHEMA app",
    "CREATE TABLE app.users (id integer NOT NULL, email text, tenant integer)",
    "CREATE TABLE app.posts (id integer NOT NULL, user_id integer, tenant integer, score integer)",
  ],
  [
    {
      name: "createPrimaryKey with a name",
      op: { kind: "createPrimaryKey", name: "users_pkey", schema: "app", table: "users", columns: ["id"] },
      sql: "ALTER TABLE app.users ADD CONSTRAINT users_pkey PRIMARY KEY (id)",
    },
    {
      name: "createPrimaryKey without a name lets PostgreSQL name it",
      op: { kind: "createPrimaryKey", schema: "app", table: "posts", columns: ["id"] },
      sql: "ALTER TABLE app.posts ADD PRIMARY KEY (id)",
    },
    {
      name: "createUniqueConstraint on several columns",
      op: { kind: "createUniqueConstraint", name: "users_id_tenant_key", schema: "app", table: "users", columns: ["id", "tenant"] },
      sql: "ALTER TABLE app.users ADD CONSTRAINT users_id_tenant_key UNIQUE (id, tenant)",
    },
    {
      name: "createUniqueConstraint NULLS NOT DISTINCT, deferrable, initially deferred",
      op: {
        kind: "createUniqueConstraint",
        name: "Users Email Tenant",
        schema: "app",
        table: "users",
        columns: ["email", "tenant"],
        nullsNotDistinct: true,
        deferrable: true,
        initially: "DEFERRED",
      },
      sql: 'ALTER TABLE app.users ADD CONSTRAINT "Users Email Tenant" UNIQUE NULLS NOT DISTINCT (email, tenant) DEFERRABLE INITIALLY DEFERRED',
    },
    {
      name: "createForeignKey with actions",
      op: {
        kind: "createForeignKey",
        name: "posts_user_id_fkey",
        schema: "app",
        table: "posts",
        columns: ["user_id"],
        referencedTable: "users",
        referencedSchema: "app",
        referencedColumns: ["id"],
        onDelete: "CASCADE",
        onUpdate: "SET NULL",
      },
      sql: "ALTER TABLE app.posts ADD CONSTRAINT posts_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users (id) ON DELETE CASCADE ON UPDATE SET NULL",
    },
    {
      name: "createForeignKey composite with MATCH FULL, deferrable and NOT VALID",
      op: {
        kind: "createForeignKey",
        name: "posts_user_tenant_fkey",
        schema: "app",
        table: "posts",
        columns: ["user_id", "tenant"],
        referencedTable: "users",
        referencedSchema: "app",
        referencedColumns: ["id", "tenant"],
        match: "FULL",
        onDelete: "NO ACTION",
        onUpdate: "RESTRICT",
        deferrable: true,
        initially: "IMMEDIATE",
        notValid: true,
      },
      sql: "ALTER TABLE app.posts ADD CONSTRAINT posts_user_tenant_fkey FOREIGN KEY (user_id, tenant) REFERENCES app.users (id, tenant) MATCH FULL ON DELETE NO ACTION ON UPDATE RESTRICT DEFERRABLE INITIALLY IMMEDIATE NOT VALID",
    },
    {
      name: "validateConstraint",
      op: { kind: "validateConstraint", name: "posts_user_tenant_fkey", schema: "app", table: "posts" },
      sql: "ALTER TABLE app.posts VALIDATE CONSTRAINT posts_user_tenant_fkey",
    },
    {
      name: "createCheckConstraint",
      op: { kind: "createCheckConstraint", name: "score_range", schema: "app", table: "posts", expression: "score BETWEEN 0 AND 100" },
      sql: "ALTER TABLE app.posts ADD CONSTRAINT score_range CHECK (score BETWEEN 0 AND 100)",
    },
    {
      name: "createCheckConstraint NO INHERIT and NOT VALID",
      op: { kind: "createCheckConstraint", name: "tenant_positive", schema: "app", table: "posts", expression: "tenant > 0", noInherit: true, notValid: true },
      sql: "ALTER TABLE app.posts ADD CONSTRAINT tenant_positive CHECK (tenant > 0) NO INHERIT NOT VALID",
    },
    {
      name: "dropConstraint plain",
      op: { kind: "dropConstraint", name: "score_range", schema: "app", table: "posts" },
      sql: "ALTER TABLE app.posts DROP CONSTRAINT score_range",
    },
    {
      name: "dropConstraint ifExists",
      op: { kind: "dropConstraint", name: "no_such_constraint", schema: "app", table: "posts", ifExists: true },
      sql: "ALTER TABLE app.posts DROP CONSTRAINT IF EXISTS no_such_constraint",
    },
    {
      name: "dropConstraint with cascade drops the foreign keys that need it",
      op: { kind: "dropConstraint", name: "users_pkey", schema: "app", table: "users", cascade: true },
      sql: "ALTER TABLE app.users DROP CONSTRAINT users_pkey CASCADE",
    },
  ],
);
