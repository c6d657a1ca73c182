// `history --graph`: the DAG drawn as text beside the history lines, the way
// `git log --graph` does it: one column per line of descent, `*` for a revision, `\`
// where a merge point's parents fan out, `/` where branches of a branch point meet.
// The input order must list children before parents (history's order does).
import type { RevisionMap } from "../graph/revision-map.js";

type Columns = (string | undefined)[];

function row(width: number): string[] {
  return Array.from({ length: Math.max(1, width * 2 - 1) }, () => " ");
}

function render(cells: string[]): string {
  return cells.join("").trimEnd();
}

/** Lines drawing `ids` (newest first), each node line followed by its text lines. */
export function drawGraph(map: RevisionMap, ids: readonly string[], textOf: (id: string) => string[]): string[] {
  const out: string[] = [];
  const columns: Columns = [];
  const shown = new Set(ids);

  for (const id of ids) {
    let at = columns.indexOf(id);
    if (at < 0) {
      columns.push(id);
      at = columns.length - 1;
    }
    // Other columns waiting for this revision (a branch point's children) meet it here.
    for (let other = columns.lastIndexOf(id); other > at; other = columns.lastIndexOf(id)) {
      out.push(collapseLine(columns, at, other));
      columns.splice(other, 1);
    }
    const [first, ...rest] = textOf(id);
    const nodeCells = row(columns.length);
    for (let i = 0; i < columns.length; i++) nodeCells[i * 2] = i === at ? "*" : "|";
    const nodeWidth = columns.length;
    out.push(`${render(nodeCells).padEnd(nodeWidth * 2)}${first ?? ""}`);

    const parents = map.require(id).downRevisions.filter((p) => shown.has(p));
    if (parents.length === 0) {
      if (at < columns.length - 1) out.push(shiftLeftLine(columns, at));
      columns.splice(at, 1);
    } else {
      columns[at] = parents[0];
      for (let k = 1; k < parents.length; k++) {
        out.push(fanOutLine(columns, at + k - 1));
        columns.splice(at + k, 0, parents[k]);
      }
    }
    const continuation = row(columns.length);
    for (let i = 0; i < columns.length; i++) continuation[i * 2] = "|";
    // The text stays in the node line's column even where the node's own column ended.
    const textColumn = Math.max(columns.length, nodeWidth) * 2;
    for (const line of rest) out.push(`${render(continuation).padEnd(textColumn)}${line}`.trimEnd());
  }
  return out;
}

/** Column `from` slides into column `into`: `|_|/`, the columns right of it shift left. */
function collapseLine(columns: Columns, into: number, from: number): string {
  const cells = row(columns.length);
  columns.forEach((_, i) => {
    if (i < from) cells[i * 2] = "|";
    if (i > into && i < from) cells[i * 2 - 1] = "_";
    if (i >= from) cells[i * 2 - 1] = "/";
  });
  return render(cells);
}

/** A new column opens right of `at`: `|\`, the columns right of it shift right. */
function fanOutLine(columns: Columns, at: number): string {
  const cells = row(columns.length + 1);
  columns.forEach((_, i) => {
    if (i <= at) cells[i * 2] = "|";
    else cells[i * 2 + 1] = "\\";
  });
  cells[at * 2 + 1] = "\\";
  return render(cells);
}

/** Column `at` ends (a base): the columns right of it shift left. */
function shiftLeftLine(columns: Columns, at: number): string {
  const cells = row(columns.length);
  columns.forEach((_, i) => {
    if (i < at) cells[i * 2] = "|";
    if (i > at) cells[i * 2 - 1] = "/";
  });
  return render(cells);
}
