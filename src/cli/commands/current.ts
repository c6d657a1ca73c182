import { Command, Option } from "clipanion";
import { DatabaseCommand } from "../database-command.js";
import { failFastOption, maxConnectionsPerHostOption, parallelOption, targetsOption } from "../target-options.js";
import { runOnTargets, targetSpec } from "../targets-run.js";
import { revisionJson, revisionLine, verboseBlock } from "../revision-text.js";

export class CurrentCommand extends DatabaseCommand {
  static override paths = [["current"]];
  static override usage = Command.Usage({
    description: "Show the revision(s) the database is at",
    details: `
      One line per row of the version table: \`0002 (head)\` when it is a head. An empty database prints nothing on stdout and says so on stderr.

      \`--targets SPEC\` shows the drift of many databases or schemas (README "Many targets"): one row per target with its revision(s) and whether it is at the head(s), behind (by how many revisions) or on another head (a revision this project does not have).
    `,
    examples: [
      ["Where is the database", "athanor current"],
      ["With each revision's details", "athanor current --verbose"],
      ["For a script", "athanor current --json"],
      ["Which tenant schemas are at the head, which behind", "athanor current --targets 'tenant_*'"],
    ],
  });

  verbose = Option.Boolean("-v,--verbose", false, { description: "Show each revision's parents, path and message" });
  asJson = Option.Boolean("--json", false, { description: "Print JSON" });

  targets = targetsOption();
  parallel = parallelOption();
  maxConnectionsPerHost = maxConnectionsPerHostOption();
  failFast = failFastOption();

  protected async run(): Promise<number> {
    const project = await this.project();
    const spec = targetSpec(project, this);
    if (spec !== undefined) return runOnTargets(this.targetsCli, project, spec, this, { command: "current", asJson: this.asJson });
    const migrator = await this.migrator(project);
    const { heads, interrupted } = await migrator.currentState();
    // A database inside a squashed range is shown on the revisions it continues on.
    const map = project.revisionMap().forRows(heads);
    for (const marker of interrupted) this.warnInterrupted(marker, heads);
    if (this.asJson) {
      this.json({ database: migrator.target.description, current: heads.map((id) => revisionJson(map, id)) });
      return 0;
    }
    if (heads.length === 0) {
      this.note(`No revision applied yet: ${migrator.target.description} has no rows in its version table. Run \`athanor upgrade\`.`);
      return 0;
    }
    if (this.verbose) {
      this.out(`Current revision(s) for ${migrator.target.description}:`);
      for (const id of heads) this.out(...verboseBlock(map, id));
    } else {
      for (const id of heads) this.out(revisionLine(map, id));
    }
    return 0;
  }
}
