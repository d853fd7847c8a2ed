/** FNV-1a over the UTF-16 code units, then a final mix so that both the top and the low bits vary well. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5 | 0; // as an int32 from the start (the literal alone is a double, which slows the loop 2×)
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return hash ^ (hash >>> 13);
}
