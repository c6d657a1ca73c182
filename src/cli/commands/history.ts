import { Command, Option } from "clipanion";
import { assertKnownRows } from "../../graph/current-heads.js";
import { historyRevisions } from "../../graph/history.js";
import { isCurrent, parseRevRange } from "../../graph/rev-spec.js";
import type { DatabaseView } from "../../runtime/inspect-database.js";
import type { HistoryEntry } from "../../runtime/history-table.js";
import { migratorFor, type Project } from "../../commands/project.js";
import { GraphCommand } from "../graph-command.js";
import { drawGraph } from "../graph-drawing.js";
import { historyLine, historyLines, revisionJson, verboseBlock } from "../revision-text.js";

export class HistoryCommand extends GraphCommand {
  static override paths = [["history"]];
  static override usage = Command.Usage({
    description: "List revisions, newest first",
    details: `
      One line per revision: \`<parents> -> <id> (<labels>) (head|branchpoint|mergepoint), <message>\`, \`<base>\` for a base, dependencies in parentheses after the parents. \`-r a:b\` limits the list to a range (\`a:\`, \`:b\`, \`current:\` work too); \`--graph\` draws the DAG the way \`git log --graph\` does. Only \`--indicate-current\`, a \`current\` range and \`--applied\` read the database.

      \`--applied\` lists the history table instead (athanor_history): every step that ran on the database, newest first, with its duration, who ran it and the athanor version.
    `,
    examples: [
      ["Everything", "athanor history"],
      ["A range, with details", "athanor history -r 0004:0006 --verbose"],
      ["The DAG as a drawing", "athanor history --graph"],
      ["Mark what the database has applied", "athanor history --indicate-current"],
      ["What ran on the database, newest first", "athanor history --applied"],
    ],
  });

  range = Option.String("-r,--rev-range", { description: "Only revisions in this range: a:b, a:, :b" });
  verbose = Option.Boolean("-v,--verbose", false, { description: "Show each revision's parents, path and message" });
  graph = Option.Boolean("--graph", false, { description: "Draw the DAG beside the list" });
  indicateCurrent = Option.Boolean("-i,--indicate-current", false, { description: "Mark the database's current revisions (reads the database)" });
  url = Option.String("--url", { description: "With --indicate-current: the database to read" });
  applied = Option.Boolean("--applied", false, { description: "List the steps that ran on the database (its history table), newest first" });
  asJson = Option.Boolean("--json", false, { description: "Print JSON" });

  protected async run(): Promise<number> {
    const project = await this.project(this.url === undefined ? {} : { databaseUrl: this.url });
    if (this.applied) return this.#applied(project);
    const map = project.revisionMap();
    // A range that is not one is refused before `current` opens the database for nothing.
    const range = this.range === undefined ? undefined : parseRevRange(this.range);
    const needsDatabase = this.indicateCurrent || isCurrent(range?.from) || isCurrent(range?.to);
    const current = needsDatabase ? await this.#currentHeads(project) : [];
    const marked = this.indicateCurrent ? current : [];
    const revisions = historyRevisions(map, { ...(range === undefined ? {} : { range }), current });
    if (this.asJson) {
      this.json(revisions.map((r) => ({ ...revisionJson(map, r.id), current: marked.includes(r.id) })));
      return 0;
    }
    const lines = (id: string) => (this.verbose ? verboseBlock(map, id, marked) : [historyLine(map, id, marked)]);
    // One write for the whole listing: 10,000 revisions are 10,000 lines.
    if (this.graph)
      this.outLines(
        drawGraph(
          map,
          revisions.map((r) => r.id),
          lines,
        ),
      );
    else if (this.verbose) this.outLines(revisions.flatMap((r) => lines(r.id)));
    else this.outLines(historyLines(revisions, marked));
    return 0;
  }

  /** Only --indicate-current and `current` ranges read the database; the runtime loads then. */
  async #currentHeads(project: Project): Promise<readonly string[]> {
    const { inspectDatabase } = await import("../../runtime/inspect-database.js");
    // Rows naming no file are refused, as upgrade refuses them: marking nothing would hide them.
    const known = (db: DatabaseView) => assertKnownRows(project.revisionMap().forRows(db.currentHeads), db.currentHeads, db.versionTable);
    return inspectDatabase(
      project.config,
      async (db) => {
        known(db);
        return db.currentHeads;
      },
      (line) => this.note(line),
    );
  }

  async #applied(project: Project): Promise<number> {
    const { formatTimestamp } = await import("../../runtime/edited-revisions.js");
    const migrator = await migratorFor(project, { onProgress: () => {}, onNotice: (line) => this.note(line), onWarning: (line) => this.warn(line) });
    const entries = await migrator.appliedHistory();
    if (this.asJson) {
      this.json(entries.map((entry) => ({ ...entry, appliedAt: entry.appliedAt.toISOString() })));
      return 0;
    }
    if (entries.length === 0) this.note("No history yet: nothing has been applied to this database by athanor.");
    for (const entry of entries) this.out(appliedLine(entry, formatTimestamp));
    return 0;
  }
}

/** `2026-11-25 14:03:11  upgrade  0002 add_new_field_to_users  12 ms  by alice@host  (athanor 0.1.0)` */
function appliedLine(entry: HistoryEntry, formatTimestamp: (date: Date) => string): string {
  const duration = entry.durationMs === null ? "offline script" : `${entry.durationMs} ms`;
  const message = entry.message ? ` ${entry.message}` : "";
  return `${formatTimestamp(entry.appliedAt)}  ${entry.direction.padEnd(7)}  ${entry.revision}${message}  ${duration}  by ${entry.appliedBy}  (athanor ${entry.athanorVersion})`;
}
