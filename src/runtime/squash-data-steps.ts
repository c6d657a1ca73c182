// The data steps of the revisions a squash replaces: what a schema comparison cannot
// carry into the squash. Read offline the way `athanor lint` reads revisions: a TypeScript
// revision's upgrade() runs against the collecting LintSink (no database), and its
// op.bulkInsert and op.execute calls are looked at; a SQL revision's upgrade statements
// are split and told apart by their first word.
import path from "node:path";
import { locateStatements } from "../dialect/postgres/split-statements.js";
import type { RevisionSource } from "../graph/revision-source.js";
import { dataStatementWord, uncomparedStatement } from "../lint/data-statement.js";
import { Operations } from "../ops/operations.js";
import { loadRevision } from "../scripts/load-revision.js";
import { readSqlFile } from "../scripts/read-revision-file.js";
import { readSqlRevision } from "../scripts/read-sql-revision.js";
import { LintSink } from "./lint-sink.js";

export interface DataStep {
  readonly revision: string;
  /** The revision file, as shown to users. */
  readonly path: string;
  readonly line: number;
  /** The operation or statement, shortened: `op.bulkInsert("roles", 3 rows)`, `UPDATE users SET …`. */
  readonly step: string;
  /** `data`: it changes rows; `uncompared`: DDL on an object autogenerate does not compare (a function, a trigger…). */
  readonly kind: "data" | "uncompared";
}

export interface DataStepsResult {
  readonly steps: readonly DataStep[];
  /** Revisions whose upgrade() could not run offline (it reads the database): look at them by hand. */
  readonly unread: readonly { readonly revision: string; readonly path: string; readonly reason: string }[];
}

/** The data steps of `sources`, in the order given. */
export async function squashDataSteps(sources: readonly RevisionSource[], cwd: string): Promise<DataStepsResult> {
  const steps: DataStep[] = [];
  const unread: { revision: string; path: string; reason: string }[] = [];
  for (const source of sources) {
    try {
      steps.push(...(source.format === "sql" ? sqlDataSteps(source, cwd) : await tsDataSteps(source, cwd)));
    } catch (error) {
      unread.push({ revision: source.revision, path: source.path, reason: (error as Error).message });
    }
  }
  return { steps, unread };
}

function sqlDataSteps(source: RevisionSource, cwd: string): DataStep[] {
  const file = readSqlFile(path.resolve(cwd, source.path), source.path);
  const { upgradeSql, upgradeLine } = readSqlRevision(file, source.path);
  const found: DataStep[] = [];
  for (const located of locateStatements(upgradeSql)) {
    const kind = kindOf(located.sql);
    if (kind !== undefined)
      found.push({ revision: source.revision, path: source.path, line: upgradeLine + located.line - 1, step: shortened(located.sql), kind });
  }
  return found;
}

async function tsDataSteps(source: RevisionSource, cwd: string): Promise<DataStep[]> {
  const absolute = path.resolve(cwd, source.path);
  const loaded = await loadRevision(source, cwd);
  if (loaded.format !== "ts") return [];
  const sink = new LintSink(absolute, source.path, 1);
  await loaded.upgrade(new Operations(sink, { transactional: source.transactional, isTransactional: () => true }));
  const found: DataStep[] = [];
  for (const { operation, line } of sink.operations) {
    const at = { revision: source.revision, path: source.path, line };
    if (operation.kind === "bulkInsert") {
      const table = operation.schema === undefined ? operation.table : `${operation.schema}.${operation.table}`;
      found.push({
        ...at,
        step: `op.bulkInsert(${JSON.stringify(table)}, ${operation.rows.length} row${operation.rows.length === 1 ? "" : "s"})`,
        kind: "data",
      });
    } else if (operation.kind === "execute") {
      for (const located of locateStatements(operation.sql)) {
        const kind = kindOf(located.sql);
        if (kind !== undefined) found.push({ ...at, step: `op.execute(${JSON.stringify(shortened(located.sql))})`, kind });
      }
    }
  }
  return found;
}

function kindOf(sql: string): DataStep["kind"] | undefined {
  if (dataStatementWord(sql) !== undefined) return "data";
  return uncomparedStatement(sql) === undefined ? undefined : "uncompared";
}

/** One line of at most 80 characters. */
function shortened(sql: string): string {
  const line = sql.replace(/\s+/g, " ").trim();
  return line.length <= 80 ? line : `${line.slice(0, 79)}…`;
}
