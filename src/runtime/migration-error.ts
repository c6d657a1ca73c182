// Wraps whatever a step threw into one error a person can act on: which revision and
// file, which statement, and Postgres's own message, detail, hint and position.
import { AthanorError, isAthanorError } from "../graph/errors.js";
import type { RevisionSource } from "../graph/revision-source.js";
import type { Step } from "../graph/step.js";

/** The fields node-postgres and PGlite both put on a server error. */
interface PostgresErrorFields {
  message?: string;
  code?: string;
  detail?: string;
  hint?: string;
  position?: string;
  where?: string;
}

export interface FailureContext {
  readonly step: Step | undefined;
  /** What ran: "upgrade 0001 -> 0002" or "stamp". */
  readonly action: string;
  readonly source: RevisionSource | undefined;
  readonly statement: string | undefined;
  /** The heads the version table holds after the rollback. */
  readonly versionTableHeads: readonly string[] | undefined;
  /** The step ran outside a transaction: statements before the failure stay applied. */
  readonly autocommit: boolean;
}

export function migrationFailed(cause: unknown, context: FailureContext): AthanorError {
  const where = context.source ? ` (revision ${context.source.revision}, ${context.source.path})` : "";
  // Errors of the ops layer (bad argument, query offline) keep their code; they only
  // gain the revision they come from.
  if (isAthanorError(cause) && cause.code !== "MIGRATION_FAILED") {
    return new AthanorError(cause.code, `${context.action}${where}: ${cause.message}`, {
      hint: cause.hint,
      details: { ...cause.details, revision: context.source?.revision, file: context.source?.path },
      cause,
    });
  }
  const pg = isPostgresError(cause) ? (cause as PostgresErrorFields) : undefined;
  const lines = [`${context.action} failed${where}`];
  if (context.statement !== undefined && pg !== undefined) lines.push(`  statement: ${indent(context.statement)}`);
  lines.push(`  error: ${pg?.message ?? (cause instanceof Error ? cause.message : String(cause))}`);
  if (pg?.detail) lines.push(`  detail: ${pg.detail}`);
  if (pg?.hint) lines.push(`  postgres hint: ${pg.hint}`);
  if (pg?.position && context.statement !== undefined) lines.push(`  position: ${describePosition(context.statement, Number(pg.position))}`);
  if (pg?.where) lines.push(`  context: ${pg.where}`);
  if (context.autocommit) lines.push("  this revision runs outside a transaction: statements before the failing one stay applied");
  const heads = context.versionTableHeads;
  const state = heads === undefined ? "" : heads.length === 0 ? "the version table is empty (base); " : `the version table is at ${heads.join(", ")}; `;
  return new AthanorError("MIGRATION_FAILED", lines.join("\n"), {
    hint: `${state}fix ${context.source?.path ?? "the revision"} and run the command again`,
    details: {
      revision: context.source?.revision,
      file: context.source?.path,
      statement: context.statement,
      sqlState: pg?.code,
      detail: pg?.detail,
      postgresHint: pg?.hint,
      position: pg?.position === undefined ? undefined : Number(pg.position),
      versionTable: heads,
    },
    cause,
  });
}

function isPostgresError(value: unknown): boolean {
  return value instanceof Error && typeof (value as PostgresErrorFields).code === "string" && /^[0-9A-Z]{5}$/.test((value as PostgresErrorFields).code!);
}

function indent(statement: string): string {
  const lines = statement.split("\n");
  const shown = lines.length > 20 ? [...lines.slice(0, 20), `… (${lines.length - 20} more lines)`] : lines;
  return shown.join("\n             ");
}

/** Postgres gives a 1-based character offset; people read line and column. */
export function describePosition(statement: string, position: number): string {
  const before = [...statement].slice(0, Math.max(0, position - 1)).join("");
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `character ${position} (line ${line}, column ${column})`;
}
