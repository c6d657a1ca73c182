import { Command, Option } from "clipanion";
import type { RevisionRoundTrip } from "../../runtime/revision-round-trips.js";
import { ProjectCommand, waitForDatabaseOption } from "../database-command.js";
import { paint } from "../terminal.js";

export class TestCommand extends ProjectCommand {
  static override paths = [["test"]];
  static override usage = Command.Usage({
    description: "Run every revision up, down and up again on a scratch database, and check the heads and the models",
    details: `
      On a throwaway database (an in-memory PGlite, or with \`--url\` a database \`athanor_test_<random>\` created on that PostgreSQL server and dropped afterwards, even on failure), for each revision in upgrade order: upgrade it, downgrade it, compare the catalog with the one from before its upgrade, and upgrade it again. A downgrade that does not give back the schema is reported with the difference (\`table users: column nickname still there after downgrade\`) and stops the walk. Then: there must be one head (else merge them), and the models must match the schema at the head (as \`athanor check\` compares them).

      The range is \`a:b\` (revisions after \`a\` up to \`b\`; \`a\` is applied first, untested) or \`b\`; default \`base:heads\`. The configured database is never opened. Exits 1 on any failure. Compared: schemas, tables, columns (not their order), keys, constraints, indexes, enums, sequences and views by name; not views' definitions, functions, triggers or rows.
    `,
    examples: [
      ["Test every revision on an in-memory PGlite", "athanor test"],
      ["Only the revisions after 0003", "athanor test 0003:heads"],
      ["On a PostgreSQL server (a scratch database is created there)", "athanor test --url postgresql://postgres@localhost:5432/postgres"],
      ["For CI", "athanor test --json"],
    ],
  });

  range = Option.String({ required: false, name: "range" });
  url = Option.String("--url", {
    description: "A PostgreSQL server to create the scratch database on (default: an in-memory PGlite); its other databases are not touched",
  });
  waitForDatabase = waitForDatabaseOption();
  asJson = Option.Boolean("--json", false, { description: "Print the results as JSON" });

  protected override overrides() {
    return { waitForDatabase: this.waitForDatabase };
  }

  protected async run(): Promise<number> {
    const { testRevisions } = await import("../../commands/test-revisions.js");
    const project = await this.project({ offline: true });
    const result = await testRevisions(project, {
      range: this.range,
      url: this.url,
      reporter: this,
      onResult: (one) => {
        if (!this.asJson) this.out(...this.resultLines(one));
      },
    });
    const { heads, models, problems, untested } = result;
    if (this.asJson) {
      this.json({
        ok: result.ok,
        database: result.database,
        revisions: result.results.map(({ revision, message, ok, problems }) => ({ revision, message, ok, problems })),
        untested,
        heads,
        models: models.checked ? { checked: true, operations: models.operations, unmodelled: models.unmodelled } : { checked: false, reason: models.reason },
        problems,
      });
    } else {
      if (untested.length > 0)
        this.out(
          `stopped: ${untested.length} later revision${untested.length === 1 ? " was" : "s were"} not tested (${untested.slice(0, 5).join(", ")}${untested.length > 5 ? ", …" : ""})`,
        );
      this.out(
        heads.length > 1 ? `heads: ${heads.length} (${heads.join(", ")})` : heads.length === 1 ? `heads: one (${heads[0]})` : "heads: none (no revisions yet)",
      );
      this.out(
        models.checked
          ? `models: ${models.operations.length === 0 && models.unmodelled.length === 0 ? "match the head" : "differ from the head"}`
          : `models: not compared (${models.reason})`,
      );
      if (result.ok) this.out(`OK: ${result.results.length} revision${result.results.length === 1 ? "" : "s"} upgrade, downgrade and upgrade again cleanly`);
      else {
        this.out(`FAILED: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
        for (const problem of problems) this.out(`- ${problem.message}`);
      }
    }
    return result.ok ? 0 : 1;
  }

  private resultLines(result: RevisionRoundTrip): string[] {
    const colour = this.terminal.colour;
    const head = `[${result.number}/${result.total}] ${result.revision} ${result.message}`.trimEnd();
    if (result.ok) return [`${head} ${paint(colour, "green", "ok")}`];
    return [`${head} ${paint(colour, "red", "failed")}`, ...result.problems.map((problem) => `    ${problem}`)];
  }
}
