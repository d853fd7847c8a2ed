/**
 * The distinct values, sorted by code unit like `[...new Set(values)].sort()`. Evidence lists are a few
 * entries long and built once per finding; this skips the Set, its iterator and the sort's work array.
 */
export function sortedDistinct(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values) if (!out.includes(value)) out.push(value);
  return sortStrings(out);
}

/** Sorts in place by code unit, like `.sort()` with no comparator (insertion sort for short lists). */
export function sortStrings(values: string[]): string[] {
  if (values.length > 32) return values.sort();
  for (let i = 1; i < values.length; i++) {
    const value = values[i];
    let j = i - 1;
    while (j >= 0 && values[j] > value) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = value;
  }
  return values;
}
