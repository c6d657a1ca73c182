// What the graph needs to know about one revision file: its metadata, already read
// and validated by src/scripts. The graph never opens files; it only names them in errors.

export interface RevisionSource {
  /** The revision id (`export const revision` / `-- revision:`). */
  readonly revision: string;
  /** Parent ids: [] for a base, one for a plain step, several for a merge point. */
  readonly downRevisions: readonly string[];
  /** Labels declared on this revision (inherited labels are the graph's business). */
  readonly branchLabels: readonly string[];
  /** Revisions (or branch labels) that must be applied first without being parents. */
  readonly dependsOn: readonly string[];
  /**
   * A squash revision's list of the revisions it stands for, oldest first and the range's
   * head last (`export const replaces` / `-- replaces:`); absent on every other revision.
   * The files named may be gone (squash-view.ts).
   */
  readonly replaces?: readonly string[];
  readonly message: string;
  readonly createDate: string | null;
  /** The file, as shown to users (relative to the working directory). */
  readonly path: string;
  /**
   * Orders independent branches: the file name (its date prefix makes this creation
   * order), so every machine plans the same steps. Defaults to `path` when absent.
   */
  readonly sortKey?: string;
  /** false: the revision runs outside a transaction (autocommit). */
  readonly transactional: boolean;
  readonly format: "ts" | "sql";
  /** Milliseconds: Postgres's statement_timeout / lock_timeout while this revision runs. */
  readonly statementTimeout?: number;
  readonly lockTimeout?: number;
  /** 1-based line of each metadata field in the file, for error messages. */
  readonly lines?: Readonly<Partial<Record<"revision" | "downRevision" | "branchLabels" | "dependsOn" | "replaces", number>>>;
}
