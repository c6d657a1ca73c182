// Wraps whatever a step threw into one error a person can act on: which revision and
// file, which statement, and Postgres's own message, detail, hint and position.
import { type AthanorError, isAthanorError } from "../errors.js";
import { errors, reworded } from "../error-factories.js";
import type { RevisionSource } from "../graph/revision-source.js";
import type { Step } from "../graph/step.js";
import { formatDuration } from "../config/duration.js";
import { describeHolder, type LockHolderSession } from "./lock-holders.js";
import { isPrivilegeError, privilegeDenied } from "./privilege-error.js";

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
  /** For a SQL revision: the file line the failing statement starts on. */
  readonly statementLine?: number | undefined;
  /** The heads the version table holds after the rollback. */
  readonly versionTableHeads: readonly string[] | undefined;
  /** The step ran outside a transaction: statements before the failure stay applied. */
  readonly autocommit: boolean;
  /** The timeouts in force for the step, and whether the revision set them itself. */
  readonly timeouts?: StepTimeouts | undefined;
  /** After a lock timeout: the sessions holding locks on the statement's tables. */
  readonly lockHolders?: readonly LockHolderSession[] | undefined;
  /** After a privilege error: the role the session runs as, for the GRANT to name. */
  readonly role?: string | undefined;
  /** The run started online with an empty (or absent) version table. */
  readonly startedAtBase?: boolean | undefined;
}

export interface StepTimeouts {
  readonly statementTimeout?: number | undefined;
  readonly lockTimeout?: number | undefined;
  readonly statementFromRevision: boolean;
  readonly lockFromRevision: boolean;
}

/** Postgres cancelled the statement: SQLSTATE 57014 for statement_timeout, 55P03 for lock_timeout. */
export function timeoutKind(cause: unknown): "statement" | "lock" | undefined {
  if (!isPostgresError(cause)) return undefined;
  const { code, message = "" } = cause as PostgresErrorFields;
  if (code === "57014" && /statement timeout/i.test(message)) return "statement";
  if (code === "55P03") return "lock";
  return undefined;
}

// Codes the server sends when it ends the session (shutdown, crash recovery), and the
// class 08 connection exceptions; node-postgres says "Connection terminated" without one.
const LOST_CODES = new Set(["57P01", "57P02", "57P03", "08000", "08003", "08006", "ECONNRESET", "EPIPE", "ECONNREFUSED"]);

/** The session to the server is gone: the step's transaction died with it. */
export function isConnectionLost(cause: unknown): boolean {
  if (!(cause instanceof Error)) return false;
  const code = (cause as PostgresErrorFields).code;
  if (code !== undefined && LOST_CODES.has(code)) return true;
  return /connection terminated|terminating connection|server closed the connection|connection (?:is )?(?:closed|lost)|not queryable|socket hang up/i.test(
    cause.message,
  );
}

export function migrationFailed(cause: unknown, context: FailureContext): AthanorError {
  const where = context.source ? ` (revision ${context.source.revision}, ${locationOf(context)})` : "";
  // Errors of the ops layer (bad argument, query offline) keep their code; they only
  // gain the revision they come from.
  if (isAthanorError(cause) && cause.code !== "MIGRATION_FAILED") {
    return reworded(cause, `${context.action}${where}: ${cause.message}`, {
      hint: cause.hint,
      details: { ...cause.details, revision: context.source?.revision, file: context.source?.path },
      cause,
    });
  }
  if (isConnectionLost(cause)) return connectionLost(cause as Error, context, where);
  if (isPrivilegeError(cause)) {
    const statement = context.statement === undefined ? "" : ` (statement: ${shorten(context.statement)})`;
    return privilegeDenied(cause as Error, context.role, `${context.action}${where}${statement}`, {
      revision: context.source?.revision,
      file: context.source?.path,
      statement: context.statement,
      versionTable: context.versionTableHeads,
    });
  }
  const pg = isPostgresError(cause) ? (cause as PostgresErrorFields) : undefined;
  const timeout = timeoutKind(cause);
  if (timeout !== undefined) return timedOut(cause as Error & PostgresErrorFields, timeout, context);
  if (pg !== undefined && context.startedAtBase && context.step?.direction === "upgrade" && DUPLICATE_OBJECT_CODES.has(pg.code ?? "")) {
    return objectsExist(cause as Error & PostgresErrorFields, context);
  }
  const lines = [`${context.action} failed${where}`];
  if (context.statement !== undefined && pg !== undefined) lines.push(`  statement: ${indent(context.statement)}`);
  lines.push(`  error: ${pg?.message ?? (cause instanceof Error ? cause.message : String(cause))}`);
  if (pg?.detail) lines.push(`  detail: ${pg.detail}`);
  if (pg?.hint) lines.push(`  postgres hint: ${pg.hint}`);
  if (pg?.position && context.statement !== undefined)
    lines.push(`  position: ${describePosition(context.statement, Number(pg.position), fileStart(context))}`);
  if (pg?.where) lines.push(`  context: ${pg.where}`);
  if (context.autocommit) lines.push("  this revision runs outside a transaction: statements before the failing one stay applied");
  const heads = context.versionTableHeads;
  const state = heads === undefined ? "" : heads.length === 0 ? "the version table is empty (base); " : `the version table is at ${heads.join(", ")}; `;
  return errors.migrationFailed(lines.join("\n"), {
    hint: `${state}fix ${context.source?.path ?? "the revision"} and run the command again`,
    details: {
      revision: context.source?.revision,
      file: context.source?.path,
      line: context.statementLine,
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

// Class 42 "duplicate_*" SQLSTATEs: the object a revision creates is there already.
const DUPLICATE_OBJECT_CODES = new Set(["42P07", "42710", "42701", "42P06", "42723", "42P04", "42P03", "42712", "42P05"]);

/**
 * A database built before migrations: nothing is recorded, yet the first revision to run
 * finds its objects. Fixing the revision is the wrong advice; recording it is the right one.
 */
function objectsExist(cause: Error & PostgresErrorFields, context: FailureContext): AthanorError {
  const revision = context.source?.revision ?? context.step?.revision ?? "<revision>";
  const file = context.source ? ` (${locationOf(context)})` : "";
  const lines = [
    `the database already has the objects revision ${revision}${file} creates, but its version table records no revision`,
    `  error: ${cause.message}`,
  ];
  if (context.statement !== undefined) lines.push(`  statement: ${shorten(context.statement)}`);
  lines.push("  it was most likely built before migrations (by hand, by another tool, or from a dump); the step was rolled back");
  return errors.objectsExist(lines.join("\n"), {
    hint: `${stateOf(context.versionTableHeads)}if the database matches revision ${revision}, record that without running it: \`athanor stamp ${revision}\`, then \`athanor upgrade\` applies what comes after`,
    details: { revision, file: context.source?.path, statement: context.statement, sqlState: cause.code, versionTable: context.versionTableHeads },
    cause,
  });
}

function stateOf(heads: readonly string[] | undefined): string {
  return heads === undefined ? "" : heads.length === 0 ? "the version table is empty (base); " : `the version table is at ${heads.join(", ")}; `;
}

/** "revision 0003 (versions/…): statement timed out after 5s: ALTER TABLE …" */
function timedOut(cause: Error & PostgresErrorFields, kind: "statement" | "lock", context: FailureContext): AthanorError {
  const timeouts = context.timeouts;
  const limit = kind === "statement" ? timeouts?.statementTimeout : timeouts?.lockTimeout;
  const fromRevision = kind === "statement" ? timeouts?.statementFromRevision : timeouts?.lockFromRevision;
  const after = limit === undefined ? "" : ` within ${formatDuration(limit)}`;
  const what = kind === "statement" ? `statement timed out${limit === undefined ? "" : ` after ${formatDuration(limit)}`}` : `could not get a lock${after}`;
  const subject = context.source ? `revision ${context.source.revision} (${locationOf(context)})` : context.action;
  const statement = context.statement === undefined ? "" : `: ${shorten(context.statement)}`;
  const holders = context.lockHolders ?? [];
  const lines = [`${subject}: ${what}${statement}`, `  ${context.action} failed and was rolled back`, `  error: ${cause.message}`];
  for (const holder of holders) lines.push(`  blocked by: ${describeHolder(holder)}`);
  if (context.autocommit) lines.push("  this revision runs outside a transaction: statements before the failing one stay applied");
  const setting = kind === "statement" ? "statementTimeout" : "lockTimeout";
  const header = kind === "statement" ? "statement_timeout" : "lock_timeout";
  const raise =
    context.source?.format === "sql"
      ? `\`-- ${header}: <longer>\` in ${context.source.path}`
      : `\`export const ${setting} = "<longer>"\` in ${context.source?.path ?? "the revision"}`;
  const where = fromRevision ? `the revision sets it` : `the run's --${kind}-timeout / ${setting} setting applies`;
  const hint =
    kind === "statement"
      ? `${stateOf(context.versionTableHeads)}${where}; raise it for this revision with ${raise}, or make the statement faster`
      : `${stateOf(context.versionTableHeads)}another session holds a lock the statement needs${holders.length > 0 ? ` (pid ${holders.map((h) => h.pid).join(", ")}; let it finish, or end it with SELECT pg_terminate_backend(${holders[0]!.pid}))` : " (look in pg_locks / pg_stat_activity for it)"}; or raise the wait for this revision with ${raise}`;
  return errors.migrationFailed(lines.join("\n"), {
    hint,
    details: {
      revision: context.source?.revision,
      file: context.source?.path,
      statement: context.statement,
      sqlState: cause.code,
      timeout: kind,
      timeoutMs: limit,
      lockHolders: holders,
      versionTable: context.versionTableHeads,
    },
    cause,
  });
}

function connectionLost(cause: Error, context: FailureContext, where: string): AthanorError {
  const lines = [`${context.action}${where}: the connection to the database was lost`, `  error: ${cause.message}`];
  if (context.statement !== undefined) lines.push(`  while running: ${shorten(context.statement)}`);
  lines.push(
    context.autocommit
      ? "  this revision runs outside a transaction: statements that finished before the loss stay applied"
      : "  the server rolls back the open transaction of a lost session: this step is not applied",
  );
  return errors.connectionLost(lines.join("\n"), {
    hint: `once the server is back, run the command again: steps committed before this one stay applied (\`athanor current\` shows where the database is)`,
    details: { revision: context.source?.revision, file: context.source?.path, statement: context.statement, code: (cause as PostgresErrorFields).code },
    cause,
  });
}

function shorten(statement: string): string {
  const flat = statement.replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 197)}…` : flat;
}

function isPostgresError(value: unknown): boolean {
  return value instanceof Error && typeof (value as PostgresErrorFields).code === "string" && /^[0-9A-Z]{5}$/.test((value as PostgresErrorFields).code!);
}

function indent(statement: string): string {
  const lines = statement.split("\n");
  const shown = lines.length > 20 ? [...lines.slice(0, 20), `… (${lines.length - 20} more lines)`] : lines;
  return shown.join("\n             ");
}

/** The revision's file, with the line its failing statement starts on when known: `versions/x.sql:42`. */
function locationOf(context: FailureContext): string {
  const path = context.source?.path ?? "the revision";
  return context.statementLine === undefined ? path : `${path}:${context.statementLine}`;
}

function fileStart(context: FailureContext): { path: string; line: number } | undefined {
  return context.source === undefined || context.statementLine === undefined ? undefined : { path: context.source.path, line: context.statementLine };
}

/**
 * Postgres gives a 1-based character offset; people read line and column, and for a SQL
 * revision the place in the file (`file`: where the statement starts).
 */
function describePosition(statement: string, position: number, file?: { path: string; line: number }): string {
  const before = [...statement].slice(0, Math.max(0, position - 1)).join("");
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  const inFile = file === undefined ? "" : `, at ${file.path}:${file.line + line - 1}:${column}`;
  return `character ${position} (line ${line}, column ${column})${inFile}`;
}
