// Small revision projects written to temp directories for the runtime's integration
// tests: the reference's sample graph (0001 → 0002 → 0003 | 0004 → 0005 merge → 0006),
// TS revisions using op.execute and SQL revisions, each upgrade recording itself in
// the `ran` table so a test can prove it ran exactly once.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface RevisionSpec {
  readonly id: string;
  readonly down: string | string[] | null;
  readonly format: "ts" | "sql";
  readonly up: readonly string[];
  readonly downSql: readonly string[];
  readonly message?: string;
  readonly transactional?: boolean;
}

const record = (id: string) => `INSERT INTO ran (revision) VALUES ('${id}')`;

export const sampleRevisions: readonly RevisionSpec[] = [
  {
    id: "0001",
    down: null,
    format: "ts",
    message: "initial_schema",
    up: [
      "CREATE TABLE ran (revision text NOT NULL, at timestamptz NOT NULL DEFAULT now())",
      "CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL)",
      record("0001"),
    ],
    downSql: ["DROP TABLE users", "DROP TABLE ran"],
  },
  {
    id: "0002",
    down: "0001",
    format: "sql",
    message: "add_email",
    up: ["ALTER TABLE users ADD COLUMN email varchar(100)", record("0002")],
    downSql: ["ALTER TABLE users DROP COLUMN email"],
  },
  {
    id: "0003",
    down: "0002",
    format: "ts",
    message: "feature_a",
    up: ["CREATE TABLE feature_a (id int PRIMARY KEY, note text DEFAULT 'it''s; here')", record("0003")],
    downSql: ["DROP TABLE feature_a"],
  },
  {
    id: "0004",
    down: "0002",
    format: "sql",
    message: "feature_b",
    up: ["CREATE TABLE feature_b (id int PRIMARY KEY)", record("0004")],
    downSql: ["DROP TABLE feature_b"],
  },
  { id: "0005", down: ["0003", "0004"], format: "ts", message: "merge_heads", up: [record("0005")], downSql: [] },
  {
    id: "0006",
    down: "0005",
    format: "sql",
    message: "after_merge",
    up: [
      "CREATE FUNCTION shout(t text) RETURNS text LANGUAGE sql AS $$ SELECT upper(t) || '!'; $$",
      "CREATE INDEX ix_users_name ON users (name)",
      record("0006"),
    ],
    downSql: ["DROP INDEX ix_users_name", "DROP FUNCTION shout(text)"],
  },
];

function tsLiteral(value: string | string[] | null): string {
  return JSON.stringify(value);
}

function tsFile(spec: RevisionSpec): string {
  const body = (statements: readonly string[]) => statements.map((s) => `  await op.execute(${JSON.stringify(s)});`).join("\n");
  return `// revision ${spec.id}
interface Op { execute(sql: string): Promise<void> }

export const revision = "${spec.id}";
export const downRevision: string | string[] | null = ${tsLiteral(spec.down)};
export const message = "${spec.message ?? spec.id}";
export const createDate = "2025-01-01 00:00:00";
${spec.transactional === false ? "export const transactional = false;\n" : ""}
export async function upgrade(op: Op): Promise<void> {
${body(spec.up)}
}

export async function downgrade(op: Op): Promise<void> {
${body(spec.downSql)}
}
`;
}

function sqlFile(spec: RevisionSpec): string {
  const down = spec.down === null ? "none" : Array.isArray(spec.down) ? spec.down.join(", ") : spec.down;
  return [
    `-- revision: ${spec.id}`,
    `-- down_revision: ${down}`,
    `-- message: ${spec.message ?? spec.id}`,
    ...(spec.transactional === false ? ["-- transactional: false"] : []),
    "-- +upgrade",
    ...spec.up.map((s) => `${s};`),
    "-- +downgrade",
    ...spec.downSql.map((s) => `${s};`),
    "",
  ].join("\n");
}

export interface SampleProject {
  readonly dir: string;
  remove(): void;
}

/** A project directory with versions/ holding `revisions` (file names sort in id order). */
export function writeProject(revisions: readonly RevisionSpec[] = sampleRevisions): SampleProject {
  const dir = mkdtempSync(path.join(tmpdir(), "athanor-project-"));
  mkdirSync(path.join(dir, "versions"));
  for (const spec of revisions) {
    const name = `20250101_${spec.id}_${(spec.message ?? spec.id).replace(/\W+/g, "_")}.${spec.format}`;
    writeFileSync(path.join(dir, "versions", name), spec.format === "ts" ? tsFile(spec) : sqlFile(spec));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
