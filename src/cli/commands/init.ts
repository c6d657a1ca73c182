import { Command, Option } from "clipanion";
import path from "node:path";
import { AthanorCommand } from "../athanor-command.js";
import { DEFAULT_ENV_FILE } from "../../config/defaults.js";

export class InitCommand extends AthanorCommand {
  static override paths = [["init"]];
  static override usage = Command.Usage({
    description: "Create athanor's files in a new project",
    details: `
      Creates athanor.config.ts, versions/, templates/, app/models/, secrets/.env.example, and adds secrets/.env and .athanor/ to .gitignore. Files that exist are kept as they are.
    `,
    examples: [
      ["In the current directory", "athanor init"],
      ["In a new directory", "athanor init services/billing"],
    ],
  });

  directory = Option.String({ required: false, name: "dir" });
  asJson = Option.Boolean("--json", false, { description: "Print the files created, updated and kept as JSON" });

  protected async run(): Promise<number> {
    const root = path.resolve(this.directory ?? ".");
    const { initProject } = await import("../../scripts/init-project.js");
    const { installAdvice } = await import("../../scripts/project-install.js");
    const result = initProject(root);
    const shown = path.relative(process.cwd(), root) || ".";
    if (this.asJson) {
      const paths = (files: readonly string[]) => files.map((file) => path.join(shown, file));
      this.json({ created: paths(result.created), updated: paths(result.updated), kept: paths(result.kept) });
    } else {
      for (const file of result.created) this.out(`created  ${path.join(shown, file)}`);
      for (const file of result.updated) this.out(`updated  ${path.join(shown, file)}`);
      for (const file of result.kept) this.out(`kept     ${path.join(shown, file)} (already there)`);
    }
    for (const line of installAdvice(root)) this.note(line);
    this.note(
      `Next: put DATABASE_URL in ${path.join(shown, DEFAULT_ENV_FILE)} (or use the embedded database), declare models in app/models, then \`athanor generate "initial schema"\`.`,
    );
    return 0;
  }
}
