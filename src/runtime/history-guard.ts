// What a Migrator does with the applied history: hands each run the facts its rows need
// (HistoryRecording), and, before a run, compares the applied revisions' recorded
// checksums with their files (warning, or refusing when strict).
import { planDowngrade } from "../graph/plan-downgrade.js";
import { BASE } from "../graph/rev-spec.js";
import type { RevisionMap } from "../graph/revision-map.js";
import type { RevisionSource } from "../graph/revision-source.js";
import { acceptedChecksums, revisionChecksum } from "../scripts/revision-checksum.js";
import type { Connection } from "./connection.js";
import { describeEdit, editedRevisionsError, findEditedRevisions, type EditedRevision } from "./edited-revisions.js";
import type { HistoryRecording, HistoryTable } from "./history-table.js";
import { athanorVersion, clientIdentity } from "./run-identity.js";

export interface HistoryGuardOptions {
  /** undefined: history is off; nothing is recorded or checked. */
  readonly table: HistoryTable | undefined;
  readonly cwd: string;
  /** The default for runs that do not say (config `strict`). */
  readonly strict: boolean;
  readonly warn: (line: string) => void;
  /** Checksums kept for a run over many targets (RevisionChecksums): each file is hashed once, not once per target. */
  readonly checksums?: RevisionChecksums | undefined;
}

/**
 * The checksums of revision files, each worked out once and kept: for one run over many
 * targets, whose files do not change while it runs.
 */
export class RevisionChecksums {
  readonly #cwd: string;
  readonly #recorded = new Map<string, string | null>();
  readonly #accepted = new Map<string, readonly string[] | null>();

  constructor(cwd: string) {
    this.#cwd = cwd;
  }

  of(source: Pick<RevisionSource, "path">): string | null {
    if (!this.#recorded.has(source.path)) this.#recorded.set(source.path, revisionChecksum(source, this.#cwd));
    return this.#recorded.get(source.path)!;
  }

  accepted(source: Pick<RevisionSource, "path">): readonly string[] | null {
    if (!this.#accepted.has(source.path)) this.#accepted.set(source.path, acceptedChecksums(source, this.#cwd));
    return this.#accepted.get(source.path)!;
  }
}

export class HistoryGuard {
  readonly #options: HistoryGuardOptions;

  constructor(options: HistoryGuardOptions) {
    this.#options = options;
  }

  get table(): HistoryTable | undefined {
    return this.#options.table;
  }

  /** What a run writes with each step; `create`: make the table in its first transaction. */
  recording(create: boolean): HistoryRecording | undefined {
    const table = this.#options.table;
    if (table === undefined) return undefined;
    return {
      table,
      create,
      checksumOf: (source) => this.#options.checksums?.of(source) ?? revisionChecksum(source, this.#options.cwd),
      appliedBy: clientIdentity(),
      athanorVersion: athanorVersion(),
    };
  }

  /** Warns about (or, strict, refuses with EDITED_REVISION) applied revisions whose file changed. */
  async check(
    connection: Connection,
    current: readonly string[],
    map: RevisionMap,
    sourceOf: (id: string) => RevisionSource | undefined,
    strict?: boolean,
  ): Promise<void> {
    const edits = await this.find(connection, current, map, sourceOf);
    if (edits.length === 0) return;
    if (strict ?? this.#options.strict) throw editedRevisionsError(edits);
    for (const edit of edits) this.#options.warn(describeEdit(edit));
  }

  async find(
    connection: Connection,
    current: readonly string[],
    map: RevisionMap,
    sourceOf: (id: string) => RevisionSource | undefined,
  ): Promise<EditedRevision[]> {
    const table = this.#options.table;
    if (table === undefined || current.length === 0) return [];
    const latest = await table.latestByRevision(connection);
    if (latest.length === 0) return [];
    return findEditedRevisions({
      latest,
      applied: appliedRevisions(map, current),
      sourceOf,
      checksumsOf: (source) => (this.#options.checksums ? this.#options.checksums.accepted(source) : acceptedChecksums(source, this.#options.cwd)),
    });
  }
}

/** The revisions the version table's rows imply are applied: what a downgrade to base would undo. */
function appliedRevisions(map: RevisionMap, current: readonly string[]): Set<string> {
  try {
    return new Set(planDowngrade(map, current, BASE).steps.map((step) => step.revision));
  } catch {
    return new Set(current);
  }
}
