// The names Postgres gives unnamed constraints and indexes, so a model that does not
// name them compares equal to a database created by hand or by another tool:
//   primary key  <table>_pkey             unique  <table>_<col>_<col>_key
//   foreign key  <table>_<col>_fkey       index   <table>_<col>_idx
//   check        <table>_<col>_check when it uses one column, else <table>_check
// Postgres truncates names to 63 bytes; so does this (simply, at the end).

const maxIdentifierLength = 63;

function truncate(name: string): string {
  return Buffer.byteLength(name) <= maxIdentifierLength ? name : Buffer.from(name).subarray(0, maxIdentifierLength).toString();
}

export const naming = {
  primaryKey: (table: string) => truncate(`${table}_pkey`),
  unique: (table: string, columns: readonly string[]) => truncate(`${table}_${columns.join("_")}_key`),
  foreignKey: (table: string, columns: readonly string[]) => truncate(`${table}_${columns.join("_")}_fkey`),
  index: (table: string, columns: readonly string[]) => truncate(`${table}_${columns.length ? columns.join("_") : "expr"}_idx`),
  check: (table: string, columns: readonly string[]) => {
    const distinct = [...new Set(columns)];
    return truncate(distinct.length === 1 ? `${table}_${distinct[0]}_check` : `${table}_check`);
  },
  sequence: (table: string, column: string) => truncate(`${table}_${column}_seq`),
};
