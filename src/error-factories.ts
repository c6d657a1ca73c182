// One factory per error code: `errors.revisionNotFound(message, { hint, details })`. The
// details a code carries (what `--json` prints under error.details, for programs) are
// declared here once, typed, with what the code's messages say; every layer throws
// through these. Like src/errors.ts it imports nothing else, so src/graph may use it.
import { AthanorError, type AthanorErrorOptions, type ErrorCode, errorCodes } from "./errors.js";

/** A user's argument as typed, or a file path as shown. */
type Text = string;
/** Revision ids. */
type Ids = readonly string[];
/** A config or model problem, as zod reports it. */
type Issue = { readonly path: readonly string[]; readonly message: string };
/** Where a failed statement was: the revision, its file and the statement, with PostgreSQL's fields. */
type RunFailure = {
  revision?: string | undefined;
  file?: Text | undefined;
  line?: number | undefined;
  statement?: string | undefined;
  sqlState?: string | undefined;
  code?: string | undefined;
  detail?: string | undefined;
  postgresHint?: string | undefined;
  position?: number | undefined;
  versionTable?: Ids | undefined;
  timeout?: string;
  timeoutMs?: number | undefined;
  lockHolders?: readonly unknown[];
};

/**
 * Each code's details, and what its messages say. Every member is optional: a message
 * that has no such fact leaves it out.
 */
export interface ErrorDetails {
  /** A request that cannot be carried out as asked (a flag, an argument, a state the command refuses). */
  USAGE: {
    spec?: Text;
    argument?: Text;
    revision?: string;
    revisions?: Ids;
    heads?: Ids;
    onto?: string;
    upstream?: string;
    database?: string;
    files?: readonly Text[];
    schemas?: readonly string[];
    issues?: readonly Issue[];
    start?: Ids;
    current?: Ids;
    /** --targets: the query, the file or the place in the SPEC at fault. */
    query?: string;
    file?: Text;
    where?: Text;
  };
  /** "Can't locate revision identified by '…'", "No such branch: '…'". */
  REVISION_NOT_FOUND: { revision?: string; branch?: string; replacedBy?: string };
  /** Alembic's "Multiple head revisions are present for given argument '…'", and the forms that need one head. */
  MULTIPLE_HEADS: { argument?: Text; spec?: Text; heads?: Ids; local?: Ids; current?: Ids };
  /** "Multiple revisions start with '…': …". */
  AMBIGUOUS_PREFIX: { prefix?: string; candidates?: Ids };
  /** "No such revision or branch '…'; please ensure at least four characters are present …". */
  PREFIX_TOO_SHORT: { revision?: string };
  /** "Ambiguous walk '…'": a relative step at a branch or merge point, or from several current revisions. */
  AMBIGUOUS_WALK: { from?: string; options?: Ids; spec?: Text; current?: readonly (string | undefined)[] };
  /** "Relative revision … didn't produce N migrations". */
  RELATIVE_PAST_BASE: { spec?: Text };
  /** A range or target that is not along one branch ("Requested range … does not refer to ancestor/descendant revisions"). */
  RANGE_NOT_ANCESTOR: { range?: Text; target?: Text; branch?: string; current?: Ids; base?: string; head?: string };
  /** "Requested revision … overlaps with other requested revisions …". */
  OVERLAPPING_REVISIONS: { revision?: string; descendants?: Ids };
  /** A rev spec or range that is malformed or names nothing usable. */
  BAD_REV_SPEC: { spec?: Text; range?: Text; ranges?: readonly Text[]; revision?: string; branch?: string; current?: Ids };
  /** Something that needs a database, asked of an offline (`--sql`, lint) run. */
  OFFLINE_UNSUPPORTED: { file?: Text };
  /** A --targets glob or query that matches no schema, or a named schema that does not exist. */
  TARGET_NOT_FOUND: { database?: string; schema?: string; [fact: string]: unknown };
  /** `squash a:b` on a range that is not one straight line of revisions. */
  NOT_SQUASHABLE: { [fact: string]: unknown };
  /** "Cycle is detected in revisions (…)". */
  CYCLE: { revisions?: Ids; paths?: readonly Text[]; revision?: string; replaced?: string; replacedBy?: string | undefined };
  /** "Dependency cycle is detected in revisions (…)". */
  DEPENDENCY_CYCLE: { revisions?: Ids; paths?: readonly Text[] };
  /** "Revision … is present more than once", or a new revision's id already taken. */
  DUPLICATE_REVISION: { revision?: string; paths?: readonly Text[] };
  /** "Revision … referenced from … is not present". */
  MISSING_DOWN_REVISION: { revision?: string; missing?: string; path?: Text; known?: number };
  /** A branch label declared by two revisions, or equal to a revision id. */
  DUPLICATE_BRANCH_LABEL: { label?: string; revision?: string; paths?: readonly Text[] };
  /** A `dependsOn` entry naming no revision or label. */
  MISSING_DEPENDENCY: { revision?: string; missing?: string; path?: Text };
  /** A revision file athanor cannot read as one: its metadata, its exports, its SQL. */
  INVALID_REVISION_FILE: {
    file?: Text;
    path?: Text;
    line?: number | undefined;
    revision?: string;
    field?: string;
    /** A revision two squashes replace, and the squashes. */
    squashes?: Ids;
    paths?: readonly Text[];
    replaced?: string;
    replacedBy?: string | undefined;
  };
  /** A revision calls an operation wrongly. */
  INVALID_OPERATION: {
    operation?: string;
    path?: string;
    issues?: readonly string[];
    revision?: string;
    file?: Text;
    statement?: string;
    line?: number | undefined;
  };
  /** A file or directory that cannot be read. */
  UNREADABLE_FILE: { file?: Text; path?: Text; line?: number; byteOffset?: number; code?: string | undefined };
  /** The configured versions directory does not exist. */
  NO_VERSIONS_DIRECTORY: { path?: Text };
  /** A file athanor would write is there already; it never overwrites. */
  FILE_EXISTS: { file?: Text; paths?: readonly Text[] };
  /** The revision template cannot be read or renders a file athanor cannot read back. */
  INVALID_TEMPLATE: { file?: Text; line?: number };
  /** The models (autogenerate's MetaData) are declared wrongly. */
  INVALID_MODELS: { check?: string; models?: Text; object?: string };
  /** A directory athanor must write into refuses it. */
  UNWRITABLE_DIRECTORY: { path?: Text; code?: string | undefined };
  /** The configuration (file, environment, database URL) is invalid. */
  CONFIG_INVALID: { where?: Text; issues?: readonly Issue[]; unknown?: readonly string[]; file?: Text; origin?: Text; part?: string };
  /** The database cannot be reached or opened. */
  CONNECTION_FAILED: { target?: string; code?: string | undefined; package?: string };
  /** Version-table rows naming no revision file. */
  UNKNOWN_DATABASE_REVISION: { revision?: string; unknown?: Ids; missing?: string; squash?: string };
  /** The version table is not what athanor expects. */
  VERSION_TABLE_MISMATCH: { table?: string; change?: unknown; found?: number };
  /** A PostgreSQL privilege error (SQLSTATE 42501), with the grant that is missing. */
  PERMISSION_DENIED: { sqlState?: string; role?: string | undefined; grant?: string; [fact: string]: unknown };
  /** A revision's statement failed (PostgreSQL's message, detail, hint and position kept). */
  MIGRATION_FAILED: RunFailure;
  /** The first revision to run finds its objects already there: stamp, do not fix. */
  OBJECTS_EXIST: RunFailure;
  /** `check` found the database behind, heads split, or models differing. */
  CHECK_FAILED: { [fact: string]: unknown };
  /** `generate` on a database that is not at the revisions the new one builds on. */
  NOT_AT_HEAD: { current?: Ids; parents?: Ids };
  /** Another run held a lock (the advisory lock, the data directory, the versions directory) too long. */
  LOCK_TIMEOUT: { holder?: unknown; lockFile?: Text };
  /** Applied revisions whose files changed since. */
  EDITED_REVISION: { edited?: readonly unknown[] };
  /** A non-transactional revision an earlier run started and did not finish. */
  INTERRUPTED_REVISION: { revision?: string; direction?: string; file?: Text | undefined; [fact: string]: unknown };
  /** The connection dropped mid-run. */
  CONNECTION_LOST: RunFailure;
  /** upgrade --backup could not take its backup: nothing applied. */
  BACKUP_FAILED: { reason?: string; file?: Text; pgDump?: string; server?: string; exitCode?: number | null };
  /** The user declined at a confirmation prompt: nothing changed. */
  CANCELLED: Record<string, never>;
}

/** Options of one code's factory: the hint, the cause, and that code's details. */
export interface ErrorOptions<C extends ErrorCode> extends Omit<AthanorErrorOptions, "details"> {
  details?: ErrorDetails[C];
}

export type ErrorFactory<C extends ErrorCode> = (message: string, options?: ErrorOptions<C>) => AthanorError;

/** `REVISION_NOT_FOUND` → `revisionNotFound`. */
type FactoryName<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Lowercase<Head>}${Capitalize<FactoryName<Tail>>}` : Lowercase<S>;

export type ErrorFactories = { readonly [C in ErrorCode as FactoryName<C>]: ErrorFactory<C> };

function factoryName(code: string): string {
  return code.toLowerCase().replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/**
 * ### Examples
 * ```ts
 * throw errors.revisionNotFound(`Can't locate revision identified by '${id}'`, { details: { revision: id } });
 * throw errors.usage("show needs a revision to show", { hint: "For example `athanor show head`." });
 * ```
 */
export const errors = Object.freeze(
  Object.fromEntries(
    errorCodes.map((code) => [factoryName(code), (message: string, options: AthanorErrorOptions = {}) => new AthanorError(code, message, options)]),
  ),
) as ErrorFactories;

/** The same error said with more context (a revision, a file): its code, and so its exit code, are kept. */
export function reworded(error: AthanorError, message: string, options: AthanorErrorOptions = {}): AthanorError {
  return new AthanorError(error.code, message, options);
}
