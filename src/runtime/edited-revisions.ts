// Revisions whose file changed after the database applied it: the history table's
// recorded sha256 against the file now (scripts/revision-checksum.ts says which hashes match). An applied revision is never re-run, so
// an edit silently makes this database differ from one migrated from scratch.
import type { AthanorError } from "../errors.js";
import { errors } from "../error-factories.js";
import type { RevisionSource } from "../graph/revision-source.js";
import type { HistoryEntry } from "./history-table.js";

export interface EditedRevision {
  readonly revision: string;
  readonly path: string;
  /** When the recorded step ran, and which kind it was (upgrade or stamp). */
  readonly appliedAt: Date;
  readonly direction: "upgrade" | "stamp";
  readonly recordedSha256: string;
  /** null: the file could not be read. */
  readonly currentSha256: string | null;
}

export interface EditCheckInput {
  /** The history's latest row per revision (HistoryTable.latestByRevision). */
  readonly latest: readonly HistoryEntry[];
  /** The revisions the version table says are applied (the current heads and their ancestry). */
  readonly applied: ReadonlySet<string>;
  readonly sourceOf: (revision: string) => RevisionSource | undefined;
  /** The checksums that count as unchanged, the one recorded today first; null: unreadable. */
  readonly checksumsOf: (source: RevisionSource) => readonly string[] | null;
}

/**
 * A revision counts when its latest history row applied it (upgrade or stamp, not a
 * later downgrade) and the version table still has it applied; rows without a
 * checksum are not compared.
 */
export function findEditedRevisions(input: EditCheckInput): EditedRevision[] {
  const edited: EditedRevision[] = [];
  for (const entry of input.latest) {
    if (entry.direction === "downgrade" || entry.sha256 === null || !input.applied.has(entry.revision)) continue;
    const source = input.sourceOf(entry.revision);
    if (source === undefined) continue;
    const accepted = input.checksumsOf(source);
    if (accepted?.includes(entry.sha256)) continue;
    const current = accepted?.[0] ?? null;
    edited.push({
      revision: entry.revision,
      path: source.path,
      appliedAt: entry.appliedAt,
      direction: entry.direction,
      recordedSha256: entry.sha256,
      currentSha256: current,
    });
  }
  return edited.sort((a, b) => a.path.localeCompare(b.path));
}

/** `versions/…_0001_initial_schema.ts changed after it was applied on 2026-11-25 14:03:11: …` */
export function describeEdit(edit: EditedRevision): string {
  const what = edit.currentSha256 === null ? "can no longer be read, but it was" : "changed after it was";
  const verb = edit.direction === "stamp" ? "stamped" : "applied";
  return `${edit.path} ${what} ${verb} on ${formatTimestamp(edit.appliedAt)}: never edit an applied revision; write a new one`;
}

export function editedRevisionsError(edits: readonly EditedRevision[]): AthanorError {
  const lines = edits.map((edit) => `  ${describeEdit(edit)}`);
  return errors.editedRevision(
    `${edits.length === 1 ? "a revision file was" : `${edits.length} revision files were`} edited after the database applied ${edits.length === 1 ? "it" : "them"}:\n${lines.join("\n")}`,
    {
      hint: 'restore the applied version of the file (e.g. `git checkout <commit> -- <file>`) and put the change in a new revision (`athanor revision -m "…"`); without --strict this is only a warning',
      details: { edited: edits.map((e) => ({ ...e, appliedAt: e.appliedAt.toISOString() })) },
    },
  );
}

/** `2026-11-25 14:03:11` in local time: the way people read a log. */
export function formatTimestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
