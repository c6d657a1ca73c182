// `sql --targets` (and `upgrade/downgrade --sql --targets`): the offline script of each
// target, one after the other. Each section starts with a comment naming the target and
// the search_path its revisions run under; its version-table statements name the
// target's own table. Only globs and queries connect (to read the schema names).
import { parseDatabaseUrl } from "../runtime/database-url.js";
import type { TransactionMode } from "../runtime/execute-plan.js";
import { openConnection } from "../runtime/connection.js";
import { Migrator } from "../runtime/migrator.js";
import type { TextOutput } from "../runtime/offline-writer.js";
import { resolveTargets, type MigrationTarget } from "../runtime/targets/resolve-targets.js";
import { searchPathStatement, targetVersionTable } from "../runtime/targets/target-run.js";
import { parseTargetSpec } from "../runtime/targets/target-spec.js";
import type { Project } from "./project.js";
import { silentReporter, type Reporter } from "./reporter.js";

export interface TargetScriptsOptions {
  readonly project: Project;
  readonly targets?: string | readonly string[] | undefined;
  /** An offline range (`base:head`, `0002:0004`; downgrade `0004:0002`). */
  readonly range: string;
  readonly direction?: "upgrade" | "downgrade";
  readonly output: TextOutput;
  readonly transactionMode?: TransactionMode | undefined;
  readonly reporter?: Reporter;
}

/**
 * ### Examples
 * ```ts
 * await targetScripts({ project, targets: "tenant_a,tenant_b", range: "base:head", output: process.stdout });
 * ```
 * Returns the targets, in the order their sections were written.
 */
export async function targetScripts(options: TargetScriptsOptions): Promise<string[]> {
  const { project, output } = options;
  const { config } = project;
  const reporter = options.reporter ?? silentReporter;
  const items = parseTargetSpec(options.targets ?? config.targets ?? [], config.cwd);
  const targets = await resolveTargets(items, {
    configured: parseDatabaseUrl(config.databaseUrl, config.cwd, config.databaseUrlOrigin),
    cwd: config.cwd,
    offline: true,
    withConnection: async (database, body) => {
      const connection = await openConnection(database, { connectTimeout: config.connectTimeout, onNotice: reporter.note });
      try {
        return await body(connection);
      } finally {
        await connection.close();
      }
    },
  });
  for (const [index, target] of targets.entries()) {
    await write(output, `${index === 0 ? "" : "\n"}${sectionHeader(target)}\n`);
    const migrator = new Migrator({
      config: { ...config, versionTable: targetVersionTable(target, config.versionTable) },
      revisions: project.revisionMap(),
      onNotice: (line) => reporter.note(`${target.label}: ${line}`),
      onWarning: (line) => reporter.warn(`${target.label}: ${line}`),
    });
    const run = { sql: true, output, ...(options.transactionMode ? { transactionMode: options.transactionMode } : {}) };
    if (options.direction === "downgrade") await migrator.downgrade(options.range, run);
    else await migrator.upgrade(options.range, run);
  }
  return targets.map((target) => target.label);
}

/** `-- Target: tenant_1` and the search_path the section runs under. */
export function sectionHeader(target: MigrationTarget): string {
  const elsewhere = target.label.startsWith(target.database.description);
  const where = elsewhere ? ` (run this section connected to ${target.database.description})` : "";
  return `-- Target: ${target.label}${where}\n${searchPathStatement(target)};`;
}

function write(output: TextOutput, text: string): Promise<void> {
  if (output.write(text) !== false || output.once === undefined) return Promise.resolve();
  return new Promise((resolve) => output.once!("drain", resolve));
}
