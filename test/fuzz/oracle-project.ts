// A recorded Alembic graph as athanor revision files: the recorder's file names (which
// sort in creation order) with .ts, so athanor reads them in the order Alembic did.
import type { TempProject } from "../cli/run-cli.js";
import { tsRevision } from "../cli/run-cli.js";
import type { AlembicRevision } from "../oracle/fixture.js";

export function addRevisionFile(project: TempProject, revision: AlembicRevision): void {
  const down = revision.downRevisions.length === 0 ? null : revision.downRevisions.length === 1 ? revision.downRevisions[0]! : revision.downRevisions;
  const file = `versions/${revision.file.replace(/\.py$/, ".ts")}`;
  project.write(file, tsRevision({ id: revision.revision, down, message: "rev", branchLabels: revision.branchLabels, dependsOn: revision.dependsOn }));
}
