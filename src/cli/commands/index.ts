// Every command of the CLI, in the order `athanor --help` lists them.
import { BranchesCommand } from "./branches.js";
import { CheckCommand } from "./check.js";
import { CurrentCommand } from "./current.js";
import { DowngradeCommand } from "./downgrade.js";
import { GenerateCommand } from "./generate.js";
import { HeadsCommand } from "./heads.js";
import { HistoryCommand } from "./history.js";
import { InitCommand } from "./init.js";
import { LintCommand } from "./lint.js";
import { MergeCommand } from "./merge.js";
import { PullCommand } from "./pull.js";
import { ResetCommand } from "./reset.js";
import { RebaseCommand } from "./rebase.js";
import { RevisionCommand } from "./revision.js";
import { ShowCommand } from "./show.js";
import { SqlCommand } from "./sql.js";
import { StatusCommand } from "./status.js";
import { SquashCommand } from "./squash.js";
import { StampCommand } from "./stamp.js";
import { TestCommand } from "./test.js";
import { UpgradeCommand } from "./upgrade.js";

export const commands = [
  UpgradeCommand,
  DowngradeCommand,
  CurrentCommand,
  StatusCommand,
  HistoryCommand,
  HeadsCommand,
  BranchesCommand,
  ShowCommand,
  StampCommand,
  SqlCommand,
  ResetCommand,
  RevisionCommand,
  GenerateCommand,
  MergeCommand,
  RebaseCommand,
  SquashCommand,
  CheckCommand,
  PullCommand,
  LintCommand,
  TestCommand,
  InitCommand,
];
