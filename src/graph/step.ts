// A plan is a list of steps; each step runs one revision's upgrade or downgrade and
// changes the version table the way Alembic's HeadMaintainer does (see update_to_step).

/** One change to the rows of `alembic_version`, one row per current head. */
export type VersionChange =
  | { readonly kind: "insert"; readonly revision: string }
  | { readonly kind: "update"; readonly from: string; readonly to: string }
  | { readonly kind: "delete"; readonly revision: string };

export type Direction = "upgrade" | "downgrade";

export interface Step {
  readonly direction: Direction;
  /** The revision whose upgrade() or downgrade() runs. */
  readonly revision: string;
  /** For the `-- Running upgrade 0003, 0004 -> 0005` line: ids before and after (no dependencies). */
  readonly from: readonly string[];
  readonly to: readonly string[];
  /** Applied in order, in the same transaction as the revision's own statements. */
  readonly versionChanges: readonly VersionChange[];
}

export interface Plan {
  readonly direction: Direction;
  /** The heads the plan starts from (the version table's rows). */
  readonly start: readonly string[];
  readonly steps: readonly Step[];
  /** The version table's rows once every step has run. */
  readonly end: readonly string[];
}
