import { Command, Option } from "clipanion";
import type { AthanorConfigInput } from "../../config/index.js";
import { parseRunTarget } from "../../runtime/run-target.js";
import { ProjectCommand, transactionModeOption } from "../database-command.js";
import { OfflineOutput } from "../offline-output.js";
import { targetsOption } from "../target-options.js";
import { printTargetScripts, targetSpec } from "../targets-run.js";

export class SqlCommand extends ProjectCommand {
  static override paths = [["sql"]];
  static override usage = Command.Usage({
    description: "Print the upgrade SQL for a DBA to review (no connection)",
    details: `
      The very statements \`upgrade\` would send, in order, with the version-table changes, BEGIN/COMMIT as the transaction mode says, and \`-- Running upgrade a -> b\` comments. Same as \`athanor upgrade <range> --sql\`. A single revision means \`base:<rev>\`.

      \`--targets SPEC\` prints one section per target, each headed by \`-- Target: <name>\` and the \`SET search_path\` its revisions run under, with the target's own version table. Schema names are taken as written; globs and queries read the schema names from the configured database (\`--url\` / DATABASE_URL), the only time \`sql\` connects.
    `,
    examples: [
      ["Everything, from an empty database", "athanor sql > deploy.sql"],
      ["From 0002 up to head", "athanor sql 0002:head"],
      ["Up to 0003, into a file", "athanor sql 0003 --output deploy.sql"],
      ["One section per tenant schema (the glob reads the schema names from --url)", "athanor sql --targets 'tenant_*' --url postgres://localhost/app"],
      ["Two named schemas, without connecting", "athanor sql --targets tenant_a,tenant_b > tenants.sql"],
    ],
  });

  range = Option.String({ required: false, name: "rev | a:b" });
  // Unlisted: scripts pass the same --url to every command. sql runs nothing; --url is read
  // only to resolve --targets globs and queries (the one reason it connects).
  url = Option.String("--url", { hidden: true });
  output = Option.String("-o,--output", { description: "Write the script to this file instead of stdout" });
  transaction = transactionModeOption();
  targets = targetsOption();

  protected override overrides(): AthanorConfigInput {
    return { databaseUrl: this.url };
  }

  protected async run(): Promise<number> {
    const project = await this.project({ offline: true });
    const migrator = await this.migrator(project);
    const output = new OfflineOutput(this.output, this.terminal.stdout);
    const spec = this.range ?? "head";
    // A single revision is the range from base: the text is completed before it is read.
    const range = spec.includes(":") ? spec : `base:${spec}`;
    const targets = targetSpec(project, { targets: this.targets, parallel: undefined, maxConnectionsPerHost: undefined, failFast: false });
    if (targets !== undefined) {
      return printTargetScripts(this.targetsCli, project, targets, { range, direction: "upgrade", output: this.output, transactionMode: this.transaction });
    }
    const target = parseRunTarget(migrator.revisionMap(), range, "upgrade", true);
    await migrator
      .upgrade(target, {
        sql: true,
        output,
        ...(this.transaction ? { transactionMode: this.transaction } : {}),
      })
      .catch((error: unknown) => {
        output.abandon();
        throw error;
      });
    output.finish();
    return 0;
  }
}
