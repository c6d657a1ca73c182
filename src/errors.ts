// The error family every layer throws, and the exit code each error code maps to. A
// leaf below every layer (it imports nothing), so src/graph, which imports nothing else
// outside itself, may use it too. Only src/cli turns these into text and exit codes.

/** Exit codes, documented in the README. Each error code maps to exactly one. */
export const ExitCode = {
  OK: 0,
  /** The command ran and the answer is "no": a migration step failed, `check` found drift. */
  FAILED: 1,
  /** The request is wrong: bad argument, unknown or ambiguous rev spec, several heads for `head`. */
  USAGE: 2,
  /** The revision files are wrong: cycle, duplicate id, missing parent, unreadable metadata. */
  REVISION_FILES: 3,
  /** The database or the configuration is unreachable or invalid. */
  DATABASE: 4,
  /** Another run held the advisory lock longer than --lock-timeout allowed. */
  LOCKED: 5,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const exitCodeOf = {
  // rev specs and arguments
  USAGE: ExitCode.USAGE,
  REVISION_NOT_FOUND: ExitCode.USAGE,
  MULTIPLE_HEADS: ExitCode.USAGE,
  AMBIGUOUS_PREFIX: ExitCode.USAGE,
  PREFIX_TOO_SHORT: ExitCode.USAGE,
  AMBIGUOUS_WALK: ExitCode.USAGE,
  RELATIVE_PAST_BASE: ExitCode.USAGE,
  RANGE_NOT_ANCESTOR: ExitCode.USAGE,
  OVERLAPPING_REVISIONS: ExitCode.USAGE,
  BAD_REV_SPEC: ExitCode.USAGE,
  OFFLINE_UNSUPPORTED: ExitCode.USAGE,
  /** A --targets glob or query that matches no schema, or a named schema that does not exist. */
  TARGET_NOT_FOUND: ExitCode.USAGE,
  /** `squash a:b` on a range that is not one straight line of revisions. */
  NOT_SQUASHABLE: ExitCode.USAGE,
  // revision files and the graph they form
  CYCLE: ExitCode.REVISION_FILES,
  DEPENDENCY_CYCLE: ExitCode.REVISION_FILES,
  DUPLICATE_REVISION: ExitCode.REVISION_FILES,
  MISSING_DOWN_REVISION: ExitCode.REVISION_FILES,
  DUPLICATE_BRANCH_LABEL: ExitCode.REVISION_FILES,
  MISSING_DEPENDENCY: ExitCode.REVISION_FILES,
  INVALID_REVISION_FILE: ExitCode.REVISION_FILES,
  /** A revision calls an operation wrongly: the file is at fault, not the command. */
  INVALID_OPERATION: ExitCode.REVISION_FILES,
  UNREADABLE_FILE: ExitCode.REVISION_FILES,
  NO_VERSIONS_DIRECTORY: ExitCode.REVISION_FILES,
  FILE_EXISTS: ExitCode.REVISION_FILES,
  INVALID_TEMPLATE: ExitCode.REVISION_FILES,
  INVALID_MODELS: ExitCode.REVISION_FILES,
  UNWRITABLE_DIRECTORY: ExitCode.REVISION_FILES,
  // database and configuration
  CONFIG_INVALID: ExitCode.DATABASE,
  CONNECTION_FAILED: ExitCode.DATABASE,
  UNKNOWN_DATABASE_REVISION: ExitCode.DATABASE,
  VERSION_TABLE_MISMATCH: ExitCode.DATABASE,
  /** A PostgreSQL privilege error (SQLSTATE 42501): a grant is missing. */
  PERMISSION_DENIED: ExitCode.DATABASE,
  // the run itself
  MIGRATION_FAILED: ExitCode.FAILED,
  /** The first revision to run finds its objects already there: stamp, do not fix. */
  OBJECTS_EXIST: ExitCode.FAILED,
  CHECK_FAILED: ExitCode.FAILED,
  NOT_AT_HEAD: ExitCode.FAILED,
  LOCK_TIMEOUT: ExitCode.LOCKED,
  EDITED_REVISION: ExitCode.FAILED,
  /** A non-transactional revision an earlier run started and did not finish. */
  INTERRUPTED_REVISION: ExitCode.FAILED,
  CONNECTION_LOST: ExitCode.DATABASE,
  /** upgrade --backup could not take its backup (no pg_dump, one too old, a failed dump): nothing applied. */
  BACKUP_FAILED: ExitCode.DATABASE,
  /** A destructive command the user declined at its confirmation prompt: nothing changed. */
  CANCELLED: ExitCode.FAILED,
} as const satisfies Record<string, ExitCode>;

export type ErrorCode = keyof typeof exitCodeOf;

/** Every code, in the table's order (src/error-factories.ts makes one factory of each). */
export const errorCodes = Object.keys(exitCodeOf) as ErrorCode[];

export interface AthanorErrorOptions {
  /** What to do next, printed on its own line after the message. */
  hint?: string;
  cause?: unknown;
  /** Extra structured facts for --json output (ids, files). */
  details?: Record<string, unknown>;
}

// The CLI is a bundle with its own copy of this class, beside the library's copy that
// config files, models and revisions import: `instanceof` checks this brand, so an error
// from either copy is recognised (and keeps its hint and exit code).
const brand: unique symbol = Symbol.for("athanor.error");

/**
 * An error written for the user: what went wrong, where, and (in `hint`) what to do.
 * `code` is stable and machine-readable; `exitCode` is what the CLI exits with.
 *
 * `new AthanorError(code, message, options)` is the low-level form: throw through the
 * factory of the code instead (`errors.revisionNotFound(…)`, src/error-factories.ts),
 * which declares the details that code carries. The constructor stays for what a
 * factory cannot say, such as an error whose code is decided at run time.
 */
export class AthanorError extends Error {
  readonly [brand] = true;
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && brand in value;
  }

  constructor(code: ErrorCode, message: string, options: AthanorErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AthanorError";
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }

  get exitCode(): ExitCode {
    return exitCodeOf[this.code];
  }
}

export function isAthanorError(value: unknown): value is AthanorError {
  return value instanceof AthanorError;
}
