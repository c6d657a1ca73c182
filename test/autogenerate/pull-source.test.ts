// The pieces of `pull`'s source text, as tables: SQL names → TypeScript keys (with
// `.named()` exactly where table() would not map them back), catalog types → column
// builders, catalog defaults → the literal a person writes, expressions → sql`` templates.
import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultSource, sqlTemplate } from "../../src/autogenerate/pull-expressions.js";
import { camelCase, columnKey, constName } from "../../src/autogenerate/pull-names.js";
import { pullModels } from "../../src/autogenerate/pull-models.js";
import { typeSource } from "../../src/autogenerate/pull-types.js";
import { sql } from "../../src/schema/sql.js";

test("column names become camelCase keys, with .named() wherever snake_case would not give the name back", () => {
  const cases: [string, string, boolean][] = [
    ["created_at", "createdAt", false],
    ["id", "id", false],
    ["ExternalRef", "externalRef", true],
    ["HTTP_STATUS", "httpStatus", true],
    ["address_2", "address2", true],
    ["line1", "line1", false],
    ["2fa_code", "_2faCode", true],
    ["Order Lines", "orderLines", true],
  ];
  for (const [name, key, named] of cases) assert.deepEqual(columnKey(name, new Set()), { key, named }, name);
  const taken = new Set<string>();
  assert.equal(columnKey("user_id", taken).key, "userId");
  assert.deepEqual(columnKey("userId", taken), { key: "userId2", named: true });
});

test("constant names avoid reserved words, the DSL's own imports and names already taken", () => {
  const taken = new Set<string>();
  assert.equal(constName(camelCase("delete"), taken), "deleteTable");
  assert.equal(constName(camelCase("sql"), taken), "sqlTable");
  assert.equal(constName(camelCase("t"), taken), "tTable");
  assert.equal(constName(camelCase("order_lines"), taken), "orderLines");
  assert.equal(constName(camelCase("order_lines"), taken), "orderLines2");
});

test("catalog types become the column builder a person would write", () => {
  const noEnum = () => undefined;
  const cases: [string, string][] = [
    ["integer", "column.int()"],
    ["bigint", "column.bigint()"],
    ["character varying(255)", "column.varchar(255)"],
    ["character varying", "column.varchar()"],
    ["character(2)", "column.char(2)"],
    ["numeric(12,2)", "column.numeric(12, 2)"],
    ["numeric", "column.numeric()"],
    ["timestamp with time zone", "column.timestamptz()"],
    ["timestamp(3) without time zone", "column.timestamp(3)"],
    ["time(0) without time zone", "column.time(0)"],
    ["time with time zone", 'column.custom("timetz")'],
    ["double precision", "column.double()"],
    ["text[]", "column.text().array()"],
    ["character varying(20)[]", "column.varchar(20).array()"],
    ["tsvector", 'column.custom("tsvector")'],
    ["bit(3)", 'column.custom("bit(3)")'],
  ];
  for (const [type, source] of cases) assert.equal(typeSource(type, noEnum).source, source, type);
  const enums = (name: string) => (name === "billing.state" ? "state" : undefined);
  assert.equal(typeSource("billing.state[]", enums).source, "column.enum(state).array()");
});

test("catalog defaults become literals where they are one, sql`` otherwise", () => {
  const cases: [string, string, string][] = [
    ["0", "integer", "0"],
    ["'-1'::integer", "integer", "-1"],
    ["true", "boolean", "true"],
    ["'draft'::order_status", "order_status", '"draft"'],
    ["'UTC'::character varying", "character varying(64)", '"UTC"'],
    ["'it''s'::text", "text", '"it\'s"'],
    ["'{}'::text[]", "text[]", '"{}"'],
    ["1.50", "numeric(12,2)", "sql`1.50`"],
    ["now()", "timestamp with time zone", "sql`now()`"],
    ["'2020-01-01'::date", "timestamp with time zone", "sql`'2020-01-01'::date`"],
    ["nextval('invoice_no'::regclass)", "bigint", "sql`nextval('invoice_no'::regclass)`"],
  ];
  for (const [text, type, source] of cases) assert.equal(defaultSource(text, type), source, text);
});

test("expressions interpolate the table's columns, and the template reads back as the same SQL", () => {
  const keys = new Map([
    ["valid_until", "validUntil"],
    ["price", "price"],
    ["lower", "lower"],
  ]);
  const template = sqlTemplate("lower(x.price) > 0 AND valid_until IS NULL AND price::text <> '`${price}\\d'", keys);
  assert.equal(template.source, "sql`lower(x.price) > 0 AND ${t.validUntil} IS NULL AND ${t.price}::text <> '\\`\\${price}\\\\d'`");
  assert.deepEqual(template.columns, ["valid_until", "price"]);
  // Evaluated as TypeScript would, the template gives back the catalog's text.
  const t = { validUntil: { name: "valid_until", columnOf: {} }, price: { name: "price", columnOf: {} } };
  const evaluated = new Function("sql", "t", `return ${template.source};`)(sql, t) as { text: string };
  assert.equal(evaluated.text, "lower(x.price) > 0 AND valid_until IS NULL AND price::text <> '`${price}\\d'");
});

test("an enum of another schema that format_type() names bare stays column.custom(), so it compares equal; the default schema's is column.enum()", () => {
  const column = (name: string, type: string) => ({ name, type, nullable: true, default: null, identity: null, generated: null, comment: null });
  const { files } = pullModels({
    defaultSchema: "shop",
    unsupported: [],
    snapshot: {
      schemas: ["shop", "public"],
      enums: [
        { schema: "shop", name: "mood", values: ["ok", "sad"] },
        { schema: "public", name: "level", values: ["low", "high"] },
      ],
      tables: [
        {
          schema: "shop",
          name: "people",
          comment: null,
          columns: [column("mood", "mood"), column("lvl", "level")],
          primaryKey: null,
          uniques: [],
          foreignKeys: [],
          checks: [],
          indexes: [],
        },
      ],
      sequences: [],
    },
  });
  const shop = files.find((f) => f.file === "shop.ts")!.source;
  assert.match(shop, /^ {2}mood: column\.enum\(mood\),$/m);
  assert.match(shop, /^ {2}lvl: column\.custom\("level"\),$/m);
  assert.match(files.find((f) => f.file === "public.ts")!.source, /^export const level = publicSchema\.enum\("level", \["low", "high"\]\);$/m);
});
