// The shape of test/fixtures/alembic/*.json, as record_alembic.py writes it (see README.md
// beside this file). Alembic's answers only; nothing here knows athanor.
import type { VersionChange } from "../../src/graph/step.js";

export interface AlembicError {
  /** The revision error class (ResolutionError, MultipleHeads, RangeNotAncestorError, RevisionError) or CommandError. */
  errorClass: string;
  /** What the Alembic CLI prints after "FAILED:". */
  message: string;
  /** The underlying revision error's own text, when it differs (e.g. "please ensure at least four characters"). */
  causeMessage?: string;
}

export interface AlembicStep {
  direction: "upgrade" | "downgrade" | "stamp_revision";
  /** The revision whose code runs; absent for stamp steps. */
  revision?: string;
  from: string[];
  to: string[];
  versionChanges: VersionChange[];
}

export interface AlembicPlan {
  steps: AlembicStep[];
  end: string[];
  createsVersionTable: boolean;
  dropsVersionTable: boolean;
}

/** Every case carries exactly one of result, error, alembicCrash (online cases: rowsAfter). */
interface Outcome<T> {
  result: T;
}
interface Failure {
  error: AlembicError;
}
interface Crash {
  alembicCrash: string;
}
interface Common {
  warnings?: string[];
  /** Alembic's answer depends on PYTHONHASHSEED: compare effects, not its accidental choice. */
  variesWithHashSeed?: boolean;
}
type Answer<T> = Common & (Outcome<T> | Failure | Crash);

export type ResolveCase = { kind: "resolve"; spec: string } & Answer<string[]>;
export type HistoryCase = { kind: "history"; range: string } & Answer<string[]>;
export type PlanCase = { kind: "upgrade" | "downgrade"; from: string[]; target: string } & Answer<AlembicPlan>;
export type StampCase = { kind: "stamp"; from: string[]; targets: string[] } & Answer<AlembicPlan>;
/** `stamp <args...> --sql` as typed; `from` is the row the script starts from (the revision before the `:`). */
export type StampSqlCase = { kind: "stampSql"; args: string[]; from?: string[]; sql?: string } & Answer<AlembicPlan>;
export interface OnlineCase extends Common {
  kind: "online";
  commands: string[][];
  rowsAfter: string[][];
  errors?: ({ error: AlembicError } | { alembicCrash: string } | null)[];
}
export type AlembicCase = ResolveCase | HistoryCase | PlanCase | StampCase | StampSqlCase | OnlineCase;

export interface AlembicRevision {
  revision: string;
  downRevisions: string[];
  branchLabels: string[];
  dependsOn: string[];
  file: string;
}

export interface AlembicGraph {
  name: string;
  revisions: AlembicRevision[];
  heads: string[];
  headsResolvingDependencies: string[];
  bases: string[];
  branchpoints: string[];
  history: string[];
  historyError?: { error: AlembicError } | { alembicCrash: string };
  /** Graph-level answers (e.g. "history") that depend on PYTHONHASHSEED. */
  variesWithHashSeed?: string[];
  cases: AlembicCase[];
}

export interface Fixture {
  alembicVersion: string;
  seed: number | null;
  graphs: AlembicGraph[];
}
