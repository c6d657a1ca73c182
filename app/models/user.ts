// The example project's users: one row per account, email unique.
import { column, sql, table } from "athanor";

export const users = table("users", {
  id: column.bigint().primaryKey().identity(),
  email: column.varchar(255).notNull().unique(),
  name: column.varchar(100),
  newField: column.varchar(100),
  createdAt: column.timestamptz().notNull().default(sql`now()`),
});
