// Builds revision sources tersely for graph tests, in Alembic's history notation:
// "<base> -> 0001", "0003, 0004 -> 0005", "<base> -> a100 [audit]", "a100 -> a101 {0002}"
// ([labels], {dependsOn}). Files sort in the order given.

import type { RevisionSource } from "../../src/graph/revision-source.js";
import { RevisionMap } from "../../src/graph/revision-map.js";

const LINE = /^\s*(.+?)\s*->\s*([^\s[{]+)\s*(?:\[([^\]]*)\])?\s*(?:\{([^}]*)\})?\s*$/;

const list = (text: string | undefined) =>
  (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export function sources(...lines: string[]): RevisionSource[] {
  return lines.map((line, i) => {
    const m = LINE.exec(line);
    if (!m) throw new Error(`bad graph line: ${line}`);
    const id = m[2]!;
    const file = `${String(i + 1).padStart(4, "0")}_${id}`;
    return {
      revision: id,
      downRevisions: m[1] === "<base>" ? [] : list(m[1]),
      branchLabels: list(m[3]),
      dependsOn: list(m[4]),
      message: `msg_${id}`,
      createDate: null,
      path: `versions/${file}.ts`,
      sortKey: file,
      transactional: true,
      format: "ts",
      lines: { revision: 3, downRevision: 4, branchLabels: 5, dependsOn: 6 },
    };
  });
}

export function graph(...lines: string[]): RevisionMap {
  return RevisionMap.fromSources(sources(...lines));
}

/** shared/reference/alembic.md's sample graph. */
export const REFERENCE = [
  "<base> -> 0001",
  "0001 -> 0002",
  "0002 -> 0003",
  "0002 -> 0004",
  "0003, 0004 -> 0005",
  "0005 -> 0006",
  "<base> -> a100 [audit]",
  "a100 -> a101 {0002}",
];

export function referenceGraph(): RevisionMap {
  return graph(...REFERENCE);
}
