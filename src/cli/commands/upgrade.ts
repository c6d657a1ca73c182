import { Command, Option } from "clipanion";
import { BackupOption } from "../backup-option.js";
import { parseRunTarget } from "../../runtime/run-target.js";
import { MigrationCommand } from "../database-command.js";
import { failFastOption, maxConnectionsPerHostOption, parallelOption, targetsOption } from "../target-options.js";

export class UpgradeCommand extends MigrationCommand {
  static override paths = [["upgrade"]];
  static override usage = Command.Usage({
    description: "Apply revisions up to a target (default: head)",
    details: `
      Runs each pending revision's \`upgrade()\` in order, each in its own transaction (\`--transaction all\` for one), under an advisory lock so concurrent deployments migrate once.

      \`head\` refuses when there are several heads: use \`heads\` to apply every branch, \`<label>@head\` for one, or join them with \`athanor merge\`. With \`--sql\`, nothing connects: the statements are printed for review; \`a:b\` starts the script at \`a\`.

      \`--backup\` (or \`--backup=DIR\`) first writes a backup into DIR (default \`backups/\` beside the config): \`pg_dump -Fc\` of a PostgreSQL database (pg_dump must be on PATH, of the server's major version or newer), the data directory as a .tar.gz for the embedded one. It is taken under the run's lock before anything is applied, and only when there is something to apply; if it fails, nothing is applied. README "Backups" says how to restore.

      \`--targets SPEC\` runs on many databases or schemas at once (tenants, shards): each schema target has its own version table in its schema and runs its revisions with \`search_path\` set to it, under its own lock; \`--parallel N\` of them at a time over at most \`--max-connections-per-host\` sessions per server. A failing target stops only itself (\`--fail-fast\`: no new target starts); the report is one table (or \`--json\` array) of targets, and the exit code is 1 when any target failed. README "Many targets" has the SPEC grammar.
    `,
    examples: [
      ["Apply everything", "athanor upgrade"],
      ["Apply every branch when there are several heads", "athanor upgrade heads"],
      ["Apply two more revisions", "athanor upgrade +2"],
      ["Dump the database into ./backups first", "athanor upgrade --backup"],
      ["Dump it elsewhere first", "athanor upgrade head --backup=/var/backups/app"],
      ["Print the SQL from 0001 to head for a DBA", "athanor upgrade 0001:head --sql > deploy.sql"],
      ["Every tenant schema, 8 at a time", "athanor upgrade --targets 'tenant_*' --parallel 8"],
      [
        "The schemas a query returns, stopping at the first failure",
        "athanor upgrade --targets \"SELECT nspname FROM pg_namespace WHERE nspname LIKE 'shard_%'\" --fail-fast",
      ],
      ["Several databases listed in a file, one per line", "athanor upgrade --targets @targets.txt --max-connections-per-host 4"],
    ],
  });

  target = Option.String({ required: false, name: "revision" });
  backup = Option.String("--backup", false, {
    tolerateBoolean: true,
    description: "Back the database up before applying anything (pg_dump -Fc; embedded: its data directory), into backups/ or --backup=DIR",
  });

  targets = targetsOption();
  parallel = parallelOption();
  maxConnectionsPerHost = maxConnectionsPerHostOption();
  failFast = failFastOption();

  protected async run(): Promise<number> {
    const onTargets = await this.migrateTargets("upgrade", this, this.target, this.backup === false ? undefined : "--backup");
    if (onTargets !== undefined) return onTargets;
    let backup: BackupOption | undefined;
    return this.migrate(
      "upgrade",
      async (migrator, options, project) => {
        backup = BackupOption.from(this.backup, this.target, this.sql, project.config.cwd, (line) => this.note(line));
        const target = parseRunTarget(migrator.revisionMap(), this.target ?? "head", "upgrade", this.sql);
        if (backup === undefined) return migrator.upgrade(target, options);
        const chosen = backup;
        await chosen.prepare(migrator.target);
        const result = await migrator.upgrade(target, { ...options, beforeSteps: (run) => chosen.take(run, migrator.target) });
        if (chosen.taken === undefined) this.note("No backup taken: there was nothing to apply.");
        return result;
      },
      undefined,
      () => (backup === undefined ? {} : { backup: backup.taken ?? null }),
    );
  }
}
