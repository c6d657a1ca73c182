// Gathers what the lint core needs from revision files, offline: a SQL revision's
// upgrade statements (classified from their tokens), a TypeScript revision's operations
// (its upgrade() run against a collecting sink, as `athanor sql` runs it, no database),
// and each file's disable comments. Then runs the pure lint over the range.
import path from "node:path";
import { locateStatements } from "../dialect/postgres/split-statements.js";
import type { SqlText } from "../dialect/postgres/sql-text.js";
import { isAthanorError } from "../errors.js";
import { reworded } from "../error-factories.js";
import type { RevisionSource } from "../graph/revision-source.js";
import { classifySql } from "../lint/classify-sql.js";
import { disableDirectives } from "../lint/disable-comments.js";
import { fromOperations } from "../lint/from-operations.js";
import { lintRevisions, type LintFinding, type LintInput } from "../lint/lint.js";
import type { LintStatement } from "../lint/lint-statement.js";
import { Operations } from "../ops/operations.js";
import { loadRevision } from "../scripts/load-revision.js";
import { readSqlFile, readTextFile } from "../scripts/read-revision-file.js";
import { readSqlRevision } from "../scripts/read-sql-revision.js";
import { LintSink } from "./lint-sink.js";

export interface LintSettings {
  readonly cwd: string;
  /** The configuration sets lock_timeout for every revision. */
  readonly lockTimeout?: number | undefined;
  /** Rule ids turned off everywhere (config `lint.disable`). */
  readonly disable?: readonly string[] | undefined;
  /** Where `disable` was written, for the error naming an unknown id. */
  readonly configFile?: string;
}

/**
 * Lints the upgrade of each revision, in the order given (plan order).
 *
 * ### Examples
 * ```ts
 * const findings = await lintSources(map.revisions.map((r) => r.source), { cwd: process.cwd() });
 * ```
 */
export async function lintSources(sources: readonly RevisionSource[], settings: LintSettings): Promise<LintFinding[]> {
  const inputs: LintInput[] = [];
  for (const source of sources) inputs.push(await lintInput(source, settings));
  return lintRevisions(inputs, { disable: settings.disable ?? [], ...(settings.configFile === undefined ? {} : { configFile: settings.configFile }) });
}

async function lintInput(source: RevisionSource, settings: LintSettings): Promise<LintInput> {
  const absolute = path.resolve(settings.cwd, source.path);
  const { statements, text } = source.format === "sql" ? sqlStatements(absolute, source) : await tsStatements(absolute, source, settings.cwd);
  return {
    revision: source.revision,
    path: source.path,
    format: source.format,
    transactional: source.transactional,
    lockTimeout: source.lockTimeout !== undefined || settings.lockTimeout !== undefined,
    statements,
    disableComments: disableDirectives(text, source.format),
  };
}

function sqlStatements(absolute: string, source: RevisionSource): { statements: LintStatement[]; text: SqlText } {
  const file = readSqlFile(absolute, source.path);
  const { upgradeSql, upgradeLine } = readSqlRevision(file, source.path);
  const statements: LintStatement[] = [];
  let index = 0;
  for (const located of locateStatements(upgradeSql)) {
    statements.push(...classifySql(located.sql, { line: upgradeLine + located.line - 1, statement: index++ }));
  }
  return { statements, text: file };
}

async function tsStatements(absolute: string, source: RevisionSource, cwd: string): Promise<{ statements: LintStatement[]; text: string }> {
  const text = readTextFile(absolute, source.path);
  const loaded = await loadRevision(source, cwd);
  if (loaded.format !== "ts") return { statements: [], text };
  const sink = new LintSink(absolute, source.path, upgradeLine(text));
  // The facade the runtime hands upgrade(), except that a statement refusing the
  // revision's transaction is let through: no-concurrently-in-transaction reports it
  // with the rest, where a run would stop at it.
  const op = new Operations(sink, { transactional: source.transactional, isTransactional: () => true });
  await loaded.upgrade(op).catch((error: unknown) => {
    throw namingRevision(error, source);
  });
  return { statements: fromOperations(sink.operations), text };
}

/** An error from a revision's upgrade(), with the revision and file it came from (as `sql` names them). */
function namingRevision(error: unknown, source: RevisionSource): unknown {
  if (!isAthanorError(error)) return error;
  const hint =
    error.code === "OFFLINE_UNSUPPORTED"
      ? "lint runs revisions offline, as `athanor sql` does: guard the query with `if (!op.offline) { … }`, or use op.execute() for statements whose result the revision does not need"
      : error.hint;
  return reworded(error, `lint: revision ${source.revision} (${source.path}): ${error.message}`, {
    ...(hint === undefined ? {} : { hint }),
    details: { ...(error.details ?? {}), revision: source.revision, file: source.path },
    cause: error,
  });
}

/** The line of `function upgrade`, where a finding goes when no stack frame names the file. */
function upgradeLine(text: string): number {
  const at = text.search(/function\s+upgrade\b/);
  return at < 0 ? 1 : text.slice(0, at).split("\n").length;
}
