import { Command, Option } from "clipanion";
import { DatabaseCommand } from "../database-command.js";
import { failFastOption, maxConnectionsPerHostOption, parallelOption, targetsOption } from "../target-options.js";
import { runOnTargets, targetSpec } from "../targets-run.js";

export class CheckCommand extends DatabaseCommand {
  static override paths = [["check"]];
  static override usage = Command.Usage({
    description: "Fail when the database is behind, the heads are split, or the models differ from the revisions",
    details: `
      A gate for CI. Exits 1 with a list of problems when: there are several heads (a merge is missing); the database is not at the head(s); an applied revision's file was edited since (its sha256 differs from the one recorded in the history table); or \`generate\` would write a revision (a model changed without one); or the database has a table, enum or sequence no model declares and no \`include\` rule covers (drop it with \`generate --drop-unmodelled\`, or leave it out with \`include\`). Exits 0 when all is well. Without configured models only the first three are checked. \`--verbose\` also says which model modules were loaded and how many tables were compared.

      \`--targets SPEC\` checks many databases or schemas: it exits 1 when any target is behind, on another head or unreadable, or the heads are split (the model comparison is not run per target).
    `,
    examples: [
      ["In CI, after upgrading a test database", "athanor upgrade && athanor check"],
      ["For a machine", "athanor check --json"],
      ["See which model modules and how many tables were compared", "athanor check --verbose"],
      ["Also lint the revisions the database has not applied yet", "athanor check --lint"],
      ["Fail CI when any tenant schema is behind", "athanor check --targets 'tenant_*'"],
    ],
  });

  asJson = Option.Boolean("--json", false, { description: "Print the result as JSON" });
  verbose = Option.Boolean("-v,--verbose", false, { description: "Also list the model modules loaded and the tables compared" });
  lint = Option.Boolean("--lint", false, { description: "Also lint the pending revisions (as `athanor lint`) and fail on findings" });

  targets = targetsOption();
  parallel = parallelOption();
  maxConnectionsPerHost = maxConnectionsPerHostOption();
  failFast = failFastOption();

  protected async run(): Promise<number> {
    const { checkProject } = await import("../../commands/check.js");
    const project = await this.project();
    const spec = targetSpec(project, this);
    if (spec !== undefined) return runOnTargets(this.targetsCli, project, spec, this, { command: "check", asJson: this.asJson });
    const result = await checkProject(project, {
      verbose: this.verbose,
      lint: this.lint,
      reporter: { note: (line) => this.note(line), warn: (line) => this.warn(line) },
    });
    const { comparison, models, problems } = result;
    if (this.asJson) {
      this.json({
        ok: result.ok,
        database: result.database,
        current: result.current,
        heads: result.heads,
        modelsChecked: comparison !== undefined,
        ...(comparison && models ? { models: models.modules, compared: comparison.compared, unmodelled: comparison.unmodelled } : {}),
        ...(result.lint === undefined ? {} : { lint: result.lint }),
        problems,
      });
    } else if (result.ok) {
      this.out(`OK: ${result.database} is at the head (${result.heads.join(", ") || "no revisions"})${comparison ? " and the models match" : ""}.`);
    } else {
      this.out(`FAILED: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
      for (const problem of problems) this.out(`- ${problem.message}`);
    }
    return result.ok ? 0 : 1;
  }
}
