// ModelSchema: every table and enum a project's model modules declare, collected from
// their exports (enums used by a column count even when not exported). This is the
// "MetaData" autogenerate compares with the database.
import { errors } from "../error-factories.js";
import { type PgEnum, isPgEnum } from "./enum.js";
import { type PgSequence, isPgSequence } from "./sequence.js";
import { type Table, getTableInfo, isTable } from "./table.js";
import { checkModels } from "./model-checks.js";

export interface ModelSchema {
  readonly tables: readonly Table[];
  readonly enums: readonly PgEnum[];
  readonly sequences?: readonly PgSequence[];
}

function qualified(schema: string | null, name: string): string {
  return schema ? `${schema}.${name}` : name;
}

/**
 * Collects the tables and enums among `values` (a module's exports, or a list). A
 * table or enum declared twice under the same name is an error: the models would be
 * ambiguous.
 */
export function collectModels(values: Iterable<unknown>, origin = "the models"): ModelSchema {
  const tables = new Map<string, Table>();
  const enums = new Map<string, PgEnum>();
  const sequences = new Map<string, PgSequence>();
  const addEnum = (e: PgEnum) => {
    const key = qualified(e.schema, e.name);
    const seen = enums.get(key);
    if (seen && seen !== e && seen.values.join("\u0000") !== e.values.join("\u0000")) {
      throw errors.invalidModels(`Enum ${key} is declared twice with different values in ${origin}`, {
        hint: "Declare each enum once with pgEnum() and import it where it is used.",
      });
    }
    if (!seen) enums.set(key, e);
  };
  for (const value of values) {
    if (isTable(value)) {
      const info = getTableInfo(value);
      const key = qualified(info.schema, info.name);
      const seen = tables.get(key);
      if (seen && seen !== value) {
        throw errors.invalidModels(`Table ${key} is declared twice in ${origin}`, {
          hint: "Each table must be declared by exactly one table() call; rename or remove one of them.",
        });
      }
      tables.set(key, value);
      for (const col of info.columns) if (col.state.enum) addEnum(col.state.enum);
    } else if (isPgEnum(value)) {
      addEnum(value);
    } else if (isPgSequence(value)) {
      const key = qualified(value.schema, value.name);
      if (sequences.has(key) && sequences.get(key) !== value) {
        throw errors.invalidModels(`Sequence ${key} is declared twice in ${origin}`, {
          hint: "Declare each sequence once with sequence() and import it where it is used.",
        });
      }
      sequences.set(key, value);
    }
  }
  const models = { tables: [...tables.values()], enums: [...enums.values()], sequences: [...sequences.values()] };
  checkModels(origin, { tables: models.tables.map(getTableInfo), enums: models.enums, sequences: models.sequences });
  return models;
}

export function mergeModels(parts: readonly ModelSchema[]): ModelSchema {
  return collectModels(parts.flatMap((p) => [...p.enums, ...(p.sequences ?? []), ...p.tables]));
}
