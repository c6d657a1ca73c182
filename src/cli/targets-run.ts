// The CLI side of --targets: find the SPEC (the flag, else the config's `targets`), call
// runTargets (or targetScripts offline) and print the report. Parsing and formatting
// only; the run itself is src/commands/run-targets.ts.
import type { Project } from "../commands/project.js";
import type { TargetsCommand } from "../commands/run-targets.js";
import type { TransactionMode } from "../runtime/execute-plan.js";
import type { CommandOutput } from "./athanor-command.js";
import { OfflineOutput } from "./offline-output.js";
import { countFlag, refuseTargetFlagsAlone, type TargetFlags } from "./target-options.js";
import { TargetsProgressLine, targetsJson, targetsTable } from "./target-report.js";
import type { Terminal } from "./terminal.js";

export interface TargetsCli {
  readonly terminal: Terminal;
  readonly output: CommandOutput;
}

/** The SPEC this command runs on, or undefined for a run on the one configured database. */
export function targetSpec(project: Project, flags: TargetFlags): string | readonly string[] | undefined {
  const spec = flags.targets ?? project.config.targets;
  if (spec === undefined) refuseTargetFlagsAlone(flags);
  return spec;
}

export interface OnlineTargetsRun {
  readonly command: TargetsCommand;
  readonly revision?: string | undefined;
  readonly transactionMode?: TransactionMode | undefined;
  readonly asJson: boolean;
}

/** Runs the command on every target and prints the report; exit 1 when a target failed (check: or is not at the heads). */
export async function runOnTargets(
  cli: TargetsCli,
  project: Project,
  spec: string | readonly string[],
  flags: TargetFlags,
  run: OnlineTargetsRun,
): Promise<number> {
  const { runTargets } = await import("../commands/run-targets.js");
  const progress = new TargetsProgressLine(cli.terminal);
  const parallel = countFlag("--parallel", flags.parallel);
  const result = await runTargets({
    project,
    targets: spec,
    command: run.command,
    revision: run.revision,
    parallel,
    maxConnectionsPerHost: countFlag("--max-connections-per-host", flags.maxConnectionsPerHost),
    failFast: flags.failFast,
    transactionMode: run.transactionMode,
    reporter: {
      note: (line) => {
        progress.end();
        cli.output.note(line);
      },
      warn: (line) => {
        progress.end();
        cli.output.warn(line);
      },
    },
    onResolved: (targets) => {
      if (!run.asJson) cli.output.note(`${run.command} on ${targets.length} target${targets.length === 1 ? "" : "s"}`);
    },
    onTargetDone: (_result, counts) => progress.update(counts),
  }).finally(() => progress.end());
  if (run.asJson) cli.output.json(targetsJson(result));
  else cli.output.out(...targetsTable(result, cli.terminal.colour));
  return result.ok ? 0 : 1;
}

export interface OfflineTargetsRun {
  /** `from:to` as the Migrator's offline upgrade/downgrade takes it. */
  readonly range: string;
  readonly direction: "upgrade" | "downgrade";
  readonly output: string | undefined;
  readonly transactionMode?: TransactionMode | undefined;
}

/** The offline script of every target, one after the other, each headed by the target's name and search_path. */
export async function printTargetScripts(cli: TargetsCli, project: Project, spec: string | readonly string[], run: OfflineTargetsRun): Promise<number> {
  const { targetScripts } = await import("../commands/target-scripts.js");
  const output = new OfflineOutput(run.output, cli.terminal.stdout);
  await targetScripts({
    project,
    targets: spec,
    range: run.range,
    direction: run.direction,
    output,
    transactionMode: run.transactionMode,
    reporter: { note: (line) => cli.output.note(line), warn: (line) => cli.output.warn(line) },
  }).catch((error: unknown) => {
    output.abandon();
    throw error;
  });
  output.finish();
  return 0;
}
