// The example project's configuration: revisions in versions/, numbered 0001, 0002, …
// as in the seed guide, and the models autogenerate compares with the database.
// The database is DATABASE_URL (environment or secrets/.env); without one, the embedded
// PGlite database in .athanor/pglite.
import { defineConfig } from "athanor";

export default defineConfig({
  versionLocations: ["versions"],
  revisionIds: "sequential",
  models: ["app/models"],
  schemas: ["public"],
});
