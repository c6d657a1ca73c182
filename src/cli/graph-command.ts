// The base of commands that only read the revision files (heads, history, branches,
// show): they never open the database, so they cost little more than reading versions/.
import type { AthanorConfigInput } from "../config/index.js";
import { AthanorCommand } from "./athanor-command.js";
import { openProject, type Project } from "../commands/project.js";

export abstract class GraphCommand extends AthanorCommand {
  protected async project(overrides: AthanorConfigInput = {}): Promise<Project> {
    return openProject({ configFile: this.config, overrides });
  }
}
