// Strings kept from a file's text (metadata values) must not keep the text alive: in V8
// a slice of 13 characters or more is a view on the whole string, so a kept message or
// date would hold every file of a 10,000-file scan in memory, and the garbage collector
// would copy them all around.

/** `slice` as a string of its own. */
export function ownString(slice: string): string {
  return slice.length < 13 ? slice : (" " + slice).slice(1);
}
