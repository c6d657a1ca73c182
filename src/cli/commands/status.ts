import { Command, Option } from "clipanion";
import { graphStatus, type HeadStatus } from "../../graph/status.js";
import type { RevisionMap } from "../../graph/revision-map.js";
import { DatabaseCommand } from "../database-command.js";
import { failFastOption, maxConnectionsPerHostOption, parallelOption, targetsOption } from "../target-options.js";
import { runOnTargets, targetSpec } from "../targets-run.js";
import { describeHeads, revisionJson } from "../revision-text.js";
import { paint } from "../terminal.js";

export class StatusCommand extends DatabaseCommand {
  static override paths = [["status"]];
  static override usage = Command.Usage({
    description: "Show, for each head, what the database has applied and what is pending",
    details: `
      One block per head: how many of its revisions the database has, then the revisions \`athanor upgrade <head>\` would run, in the order it would run them. A revision below several heads is listed under each. Exits 0 whether or not something is pending; \`athanor check\` is the CI gate.

      \`--targets SPEC\` shows, per target, whether it is at the head(s), behind (by how many revisions) or on another head; see README "Many targets".
    `,
    examples: [
      ["Where the database stands", "athanor status"],
      ["For a script or a deploy dashboard", "athanor status --json"],
      ["Drift across every shard, for a dashboard", "athanor status --targets 'shard_*' --json"],
    ],
  });

  asJson = Option.Boolean("--json", false, { description: "Print JSON" });

  targets = targetsOption();
  parallel = parallelOption();
  maxConnectionsPerHost = maxConnectionsPerHostOption();
  failFast = failFastOption();

  protected async run(): Promise<number> {
    const project = await this.project();
    const spec = targetSpec(project, this);
    if (spec !== undefined) return runOnTargets(this.targetsCli, project, spec, this, { command: "status", asJson: this.asJson });
    const migrator = await this.migrator(project);
    const { heads: current, interrupted } = await migrator.currentState();
    // A database inside a squashed range is shown on the revisions it continues on.
    const map = project.revisionMap().forRows(current);
    for (const marker of interrupted) this.warnInterrupted(marker, current);
    const status = graphStatus(map, current);
    if (this.asJson) {
      this.json({
        database: migrator.target.description,
        current: current.map((id) => revisionJson(map, id)),
        pendingCount: status.pendingCount,
        interrupted,
        heads: status.heads.map((head) => ({
          revision: head.head,
          branchLabels: head.branchLabels,
          appliedCount: head.appliedCount,
          upToDate: head.pending.length === 0,
          pending: head.pending.map((id) => pendingJson(map, id)),
        })),
      });
      return 0;
    }
    this.out(`Database: ${migrator.target.description}`);
    this.out(`Current:  ${describeHeads(map, current)}`);
    if (status.heads.length === 0) this.note('No revisions yet: `athanor revision -m "initial schema"` writes the first.');
    for (const head of status.heads) this.out("", ...this.headBlock(map, head));
    if (status.heads.length > 0) this.out("", this.summary(status.pendingCount, status.heads));
    return 0;
  }

  private headBlock(map: RevisionMap, head: HeadStatus): string[] {
    const labels = head.branchLabels.length > 0 ? ` (${head.branchLabels.join(", ")})` : "";
    const title = `Head ${head.head}${labels}: ${head.appliedCount} applied, ${head.pending.length} pending`;
    if (head.pending.length === 0) return [`${title} ${paint(this.terminal.colour, "green", "(up to date)")}`];
    const width = Math.max(...head.pending.map((id) => id.length));
    return [title, ...head.pending.map((id) => `  ${paint(this.terminal.colour, "yellow", id.padEnd(width))}  ${map.require(id).message ?? ""}`.trimEnd())];
  }

  private summary(pendingCount: number, heads: readonly HeadStatus[]): string {
    if (pendingCount === 0) return "Up to date: nothing pending on any head.";
    const behind = heads.filter((h) => h.pending.length > 0).length;
    const target = heads.length === 1 ? "athanor upgrade" : "athanor upgrade heads";
    return `${pendingCount} revision${pendingCount === 1 ? "" : "s"} pending on ${behind} of ${heads.length} head${heads.length === 1 ? "" : "s"}: run \`${target}\`.`;
  }
}

function pendingJson(map: RevisionMap, id: string): Record<string, unknown> {
  const revision = map.require(id);
  return { revision: id, message: revision.message, path: revision.path };
}
