import { Command, Option } from "clipanion";
import { GraphCommand } from "../graph-command.js";
import { findingLines, findingsSummary } from "../lint-text.js";
import { wantsColour } from "../terminal.js";

export class LintCommand extends GraphCommand {
  static override paths = [["lint"]];
  static override usage = Command.Usage({
    description: "Flag revisions that would lock tables for long or break the running app (no connection)",
    details: `
      Reads each revision's upgrade offline, with no database: a SQL revision's statements, a TypeScript revision's operations (its \`upgrade()\` runs as \`athanor sql\` runs it). Flags CREATE or DROP INDEX without CONCURRENTLY, ADD FOREIGN KEY/CHECK without NOT VALID, SET NOT NULL without a validated CHECK, type changes that rewrite the table, ADD COLUMN with a volatile default or NOT NULL without a default, dropped or renamed columns and tables, DDL without lock_timeout, non-transactional revisions with several statements, and CONCURRENTLY inside a transaction; each finding says the safe way. The README's "Linting revisions" lists the rules.

      Without an argument the head revisions are linted; a rev spec lints the revisions it names; \`a:b\` the revisions \`athanor sql a:b\` would run (\`base:head\` for all). A comment \`athanor-lint-disable <rule>[, <rule>]\` in a revision turns rules off for it; \`lint: { disable: [...] }\` in athanor.config.ts for every revision. Exits 1 when there are findings.
    `,
    examples: [
      ["The newest revision(s)", "athanor lint"],
      ["Every revision", "athanor lint base:head"],
      ["What comes after 0004, for a machine", "athanor lint 0004:head --json"],
    ],
  });

  range = Option.String({ required: false, name: "rev | a:b" });
  asJson = Option.Boolean("--json", false, { description: "Print the findings as JSON" });

  protected async run(): Promise<number> {
    const { lintProject } = await import("../../commands/lint.js");
    const result = await lintProject(await this.project(), { range: this.range });
    if (this.asJson) this.json(result);
    else {
      const colour = wantsColour(this.terminal.stdout);
      this.outLines([...result.findings.flatMap((finding) => findingLines(finding, colour)), findingsSummary(result.findings, result.revisions.length)]);
    }
    return result.ok ? 0 : 1;
  }
}
