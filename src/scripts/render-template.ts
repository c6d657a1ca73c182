// A deliberately tiny template engine for revision files: `${name}` placeholders from a
// fixed list, `$${` for a literal `${`. A placeholder alone on its line is indented as a
// block (every line of the value gets the line's indent) and drops the line when empty.
import { errors } from "../error-factories.js";

export const TEMPLATE_PLACEHOLDERS = [
  "revision",
  "downRevision",
  "branchLabels",
  "dependsOn",
  "replaces",
  "message",
  "createDate",
  "imports",
  "upgradeBody",
  "downgradeBody",
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type TemplateValues = Readonly<Record<TemplatePlaceholder, string>>;

const KNOWN = new Set<string>(TEMPLATE_PLACEHOLDERS);
const TOKEN = /\$\$\{|\$\{([^}\n]*)\}|\$\{/g;
const ALONE = /^([ \t]*)\$\{([A-Za-z]+)\}[ \t]*$/;

/** Throws INVALID_TEMPLATE naming the template file and line for an unknown or unclosed placeholder. */
function checkTemplate(template: string, templatePath: string): void {
  template.split("\n").forEach((line, index) => {
    for (const match of line.matchAll(TOKEN)) {
      if (match[0] === "$${") continue;
      const name = match[1];
      if (name === undefined) {
        fail(templatePath, index + 1, "`${` without a closing `}`");
      } else if (!KNOWN.has(name)) {
        fail(templatePath, index + 1, `unknown placeholder \${${name}}`);
      }
    }
  });
}

/** Fills the placeholders of `template` (checked first, so a bad template never half-renders). */
export function renderTemplate(template: string, values: TemplateValues, templatePath: string): string {
  checkTemplate(template, templatePath);
  const out: string[] = [];
  for (const line of template.split("\n")) {
    const alone = ALONE.exec(line);
    if (alone) {
      const value = values[alone[2] as TemplatePlaceholder];
      if (value === "") continue;
      const indent = alone[1] as string;
      for (const valueLine of value.split("\n")) out.push(valueLine === "" ? "" : indent + valueLine);
      continue;
    }
    const rendered = line.replace(TOKEN, (_token, name: string | undefined) => (name === undefined ? "${" : values[name as TemplatePlaceholder]));
    // An empty value at the end of a line (`-- depends_on: ${dependsOn}`) leaves no trailing space.
    out.push(rendered === line ? line : rendered.trimEnd());
  }
  return out.join("\n");
}

function fail(templatePath: string, line: number, what: string): never {
  throw errors.invalidTemplate(`${templatePath}:${line}: ${what}`, {
    hint: `Placeholders are ${TEMPLATE_PLACEHOLDERS.map((name) => `\${${name}}`).join(", ")}; write $\${ for a literal \${.`,
    details: { file: templatePath, line },
  });
}
