import type { Operations } from "athanor";

export const revision = "0001";
export const downRevision: string | string[] | null = null;
export const branchLabels: string[] = [];
export const dependsOn: string[] = [];
export const message = "initial_schema";
export const createDate = "2026-11-25 14:34:38";

export async function upgrade(op: Operations): Promise<void> {
  await op.createTable("users", {
    columns: [
      { name: "id", type: "bigint", primaryKey: true, identity: { generated: "by default" } },
      { name: "email", type: "varchar(255)", nullable: false, unique: true },
      { name: "name", type: "varchar(100)", nullable: true },
      { name: "created_at", type: "timestamptz", nullable: false, default: "now()" },
    ],
  });
  await op.createTable("blogs", {
    columns: [
      { name: "id", type: "bigint", primaryKey: true, identity: { generated: "by default" } },
      { name: "user_id", type: "bigint", nullable: false },
      { name: "title", type: "varchar(200)", nullable: false },
      { name: "body", type: "text", nullable: true },
      { name: "published", type: "boolean", nullable: false, default: "false" },
      { name: "created_at", type: "timestamptz", nullable: false, default: "now()" },
    ],
    foreignKeys: [
      {
        columns: ["user_id"],
        referencedTable: "users",
        referencedColumns: ["id"],
        onDelete: "CASCADE",
      },
    ],
  });
  await op.createIndex("ix_blogs_user_id", "blogs", ["user_id"]);
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropTable("blogs");
  await op.dropTable("users");
}
