// `stamp <args...> --sql`: Alembic's offline stamp (command.stamp with sql=True). Each
// argument is a destination, or `from:to`; every `from` must name the same single revision
// (or base), and the script assumes the version table holds exactly that row. Offline
// "no rows" means "no table": the script creates alembic_version when it starts from base
// and writes a row, and drops it when no row is left (MigrationContext.run_migrations).

import { AthanorError } from "../errors.js";
import { errors } from "../error-factories.js";
import { multipleHeadsError } from "./multiple-heads.js";
import { planStampSteps, type StampStep } from "./plan-stamp.js";
import { resolveRevision } from "./resolve-rev-spec.js";
import { BASE, type RevSpec, type RunRange, revSpecText } from "./rev-spec.js";
import type { RevisionMap } from "./revision-map.js";
import { shownArgument } from "./shown-argument.js";
import { VersionRows } from "./version-rows.js";

export interface OfflineStampPlan {
  /** The `from` of the range as written (undefined without a range). */
  readonly from: string | undefined;
  /** The rows the script assumes: `from`'s revision, or [] from base or without a range. */
  readonly start: readonly string[];
  readonly targets: readonly RevSpec[];
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
 * planOfflineStamp(map, ["0002:0004"].map(parseStampArgument)); // start [0002]; UPDATE 0002 -> 0004
 * planOfflineStamp(map, ["0002:base"].map(parseStampArgument)); // DELETE 0002, then DROP TABLE
 * planOfflineStamp(map, ["0002:0003", "0004:0005"].map(parseStampArgument)); // throws: two starting revisions
 * ```
 */
export function planOfflineStamp(map: RevisionMap, args: readonly (RevSpec | RunRange)[]): OfflineStampPlan {
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
function splitStampArguments(map: RevisionMap, args: readonly (RevSpec | RunRange)[]): { from: string | undefined; start: string[]; targets: RevSpec[] } {
  let from: { text: string; argument: string; id: string | null } | undefined;
  const targets: RevSpec[] = [];
  for (const argument of args) {
    if (argument.kind !== "range") {
      targets.push(argument);
      continue;
    }
    const text = argument.from === undefined ? "base" : revSpecText(argument.from);
    const id = startRevision(map, argument.from ?? BASE, text);
    if (from !== undefined && from.id !== id) {
      throw errors.badRevSpec("Stamp operation with --sql only supports a single starting revision at a time", {
        hint: `'${shownArgument(from.argument)}' and '${shownArgument(argument.text)}' start from different revisions; a script assumes one version-table row to start from: run one \`athanor stamp … --sql\` per starting revision`,
        details: { ranges: [from.argument, argument.text] },
      });
    }
    from ??= { text, argument: argument.text, id };
    targets.push(argument.to);
  }
  return { from: from?.text, start: from === undefined || from.id === null ? [] : [from.id], targets };
}

/** Alembic's get_revision on the start: one revision, or null for base; `heads` with several heads is refused. */
function startRevision(map: RevisionMap, spec: RevSpec, text: string): string | null {
  try {
    return resolveRevision(map, spec)?.id ?? null;
  } catch (error) {
    if (!(error instanceof AthanorError) || error.code !== "MULTIPLE_HEADS") throw error;
    const heads = (error.details?.heads as string[] | undefined) ?? [...map.heads];
    const base = multipleHeadsError(map, heads, text);
    throw errors.multipleHeads(base.message, {
      hint: `An offline stamp starts from one revision (the row the script assumes): name one of them, e.g. \`athanor stamp ${heads[0]}:<torev> --sql\`.`,
      details: base.details ?? {},
      cause: error,
    });
  }
}
