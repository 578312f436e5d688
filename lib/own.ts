/**
 * `record[key]` only when `key` is the record's OWN property. Ids from the network or from
 * storage are ordinary ids even when they read `constructor`, `__proto__` or `toString`; a plain
 * `record[id]` would return Object.prototype's members for them (issue 11, medium 4).
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
