// The file name of a new revision: `YYYYMMDD_<rev>_<slug>.<ext>`. The date prefix makes
// file-name order creation order, which is how the graph orders independent branches.

const MAX_SLUG_LENGTH = 40;

/** The message as a file-name fragment: lowercase ASCII letters, digits and `_`, at most 40 long. */
export function slugOf(message: string): string {
  const slug = message
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // drop accents: "café" → "cafe"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return slug.slice(0, MAX_SLUG_LENGTH).replace(/_+$/, "");
}

/** `YYYYMMDD` in local time, like the creation date written into the file. */
function datePrefix(date: Date): string {
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
}

/** `YYYY-MM-DD HH:MM:SS` in local time (Alembic's create_date without microseconds). */
export function formatCreateDate(date: Date): string {
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` + `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

export function revisionFileName(options: { revision: string; message: string; createDate: Date; format: "ts" | "sql" }): string {
  const slug = slugOf(options.message);
  return `${datePrefix(options.createDate)}_${options.revision}${slug === "" ? "" : `_${slug}`}.${options.format}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
