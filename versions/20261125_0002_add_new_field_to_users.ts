import type { Operations } from "athanor";

export const revision = "0002";
export const downRevision: string | string[] | null = "0001";
export const branchLabels: string[] = [];
export const dependsOn: string[] = [];
export const message = "add_new_field_to_users";
export const createDate = "2026-11-25 14:34:53";

export async function upgrade(op: Operations): Promise<void> {
  await op.addColumn("users", { name: "new_field", type: "varchar(100)", nullable: true });
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropColumn("users", "new_field");
}
