// The example project's blogs: each belongs to a user and goes when the user goes.
import { column, index, sql, table } from "athanor";
import { users } from "./user.js";

export const blogs = table(
  "blogs",
  {
    id: column.bigint().primaryKey().identity(),
    userId: column
      .bigint()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: column.varchar(200).notNull(),
    body: column.text(),
    published: column.boolean().notNull().default(false),
    createdAt: column.timestamptz().notNull().default(sql`now()`),
  },
  (t) => ({ indexes: [index("ix_blogs_user_id", [t.userId])] }),
);
