// `stamp <args...> --sql`: Alembic's offline stamp (command.stamp with sql=True). Each
// argument is a destination, or `from:to`; every `from` must name the same single revision
// (or base), and the script assumes the version table holds exactly that row. Offline
// "no rows" means "no table": the script creates alembic_version when it starts from base
// and writes a row, and drops it when no row is left (MigrationContext.run_migrations).

import { AthanorError } from "../errors.js";
import { multipleHeadsError } from "./multiple-heads.js";
import { planStampSteps, type StampStep } from "./plan-stamp.js";
import { resolveRevision } from "./rev-spec.js";
import type { RevisionMap } from "./revision-map.js";
import { shownArgument } from "./shown-argument.js";
import { VersionRows } from "./version-rows.js";

export interface OfflineStampPlan {
  /** The `from` of the range as written (undefined without a range). */
  readonly from: string | undefined;
  /** The rows the script assumes: `from`'s revision, or [] from base or without a range. */
  readonly start: readonly string[];
  readonly targets: readonly string[];
  readonly steps: readonly StampStep[];
  /** The rows once every step has run. */
  readonly end: readonly string[];
  /** `CREATE TABLE alembic_version` before the first step: the script starts with no rows and writes one. */
  readonly createsVersionTable: boolean;
  /** `DROP TABLE alembic_version` before COMMIT: no row is left (also for `stamp base --sql`). */
  readonly dropsVersionTable: boolean;
}

/**
 * ### Examples
 * ```ts
 * planOfflineStamp(map, ["0002:0004"]); // start [0002]; UPDATE 0002 -> 0004
 * planOfflineStamp(map, ["0002:base"]); // DELETE 0002, then DROP TABLE
 * planOfflineStamp(map, ["0002:0003", "0004:0005"]); // throws: two starting revisions
 * ```
 */
export function planOfflineStamp(map: RevisionMap, args: readonly string[]): OfflineStampPlan {
  const { from, start, targets } = splitStampArguments(map, args);
  const steps = planStampSteps(map, start, targets, false);
  const rows = new VersionRows(start);
  for (const step of steps) rows.applyAll(step.versionChanges);
  const end = rows.rows;
  return {
    from,
    start,
    targets,
    steps,
    end,
    createsVersionTable: start.length === 0 && steps.some((s) => s.versionChanges.length > 0),
    dropsVersionTable: end.length === 0,
  };
}

/** The arguments as one `from` (if any argument has a range) and the destinations. */
function splitStampArguments(map: RevisionMap, args: readonly string[]): { from: string | undefined; start: string[]; targets: string[] } {
  let from: { text: string; argument: string; id: string | null } | undefined;
  const targets: string[] = [];
  for (const argument of args) {
    const colon = argument.indexOf(":");
    if (colon < 0) {
      targets.push(argument);
      continue;
    }
    const shown = shownArgument(argument);
    if (argument.indexOf(":", colon + 1) >= 0) {
      throw new AthanorError("BAD_REV_SPEC", `Stamp range '${shown}' has more than one ':'`, {
        hint: "write it as <fromrev>:<torev>, e.g. `athanor stamp 0002:0004 --sql`",
        details: { range: argument },
      });
    }
    // `:0004` starts from base, as `upgrade :0004 --sql` does (Alembic 1.8.1 crashes on it).
    const text = argument.slice(0, colon) || "base";
    const to = argument.slice(colon + 1);
    if (to === "") {
      throw new AthanorError("BAD_REV_SPEC", `Stamp range '${shown}' has no end revision`, {
        hint: `write it as <fromrev>:<torev>, e.g. \`athanor stamp ${shownArgument(text)}:head --sql\``,
        details: { range: argument },
      });
    }
    const id = startRevision(map, text);
    if (from !== undefined && from.id !== id) {
      throw new AthanorError("BAD_REV_SPEC", "Stamp operation with --sql only supports a single starting revision at a time", {
        hint: `'${shownArgument(from.argument)}' and '${shown}' start from different revisions; a script assumes one version-table row to start from: run one \`athanor stamp … --sql\` per starting revision`,
        details: { ranges: [from.argument, argument] },
      });
    }
    from ??= { text, argument, id };
    targets.push(to);
  }
  return { from: from?.text, start: from === undefined || from.id === null ? [] : [from.id], targets };
}

/** Alembic's get_revision on the start: one revision, or null for base; `heads` with several heads is refused. */
function startRevision(map: RevisionMap, text: string): string | null {
  try {
    return resolveRevision(map, text)?.id ?? null;
  } catch (error) {
    if (!(error instanceof AthanorError) || error.code !== "MULTIPLE_HEADS") throw error;
    const heads = (error.details?.heads as string[] | undefined) ?? [...map.heads];
    const base = multipleHeadsError(map, heads, text);
    throw new AthanorError("MULTIPLE_HEADS", base.message, {
      hint: `An offline stamp starts from one revision (the row the script assumes): name one of them, e.g. \`athanor stamp ${heads[0]}:<torev> --sql\`.`,
      details: base.details ?? {},
      cause: error,
    });
  }
}
