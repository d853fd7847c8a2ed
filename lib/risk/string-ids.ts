/**
 * Dense ids (0, 1, 2, …) for distinct strings, in an open-addressing table over a typed array.
 *
 * Built once per evaluation for the large id sets (every 2SV device, every person: hundreds of thousands of
 * keys). A `Map` measured several times slower there: it grows by rehashing, which re-reads every key
 * string scattered through the heap, and each lookup chains through entries elsewhere in the heap. This
 * table is sized up front from a known upper bound, keeps each slot's hash next to its id so a probe
 * reads one cache line, and compares key strings only when the hashes match.
 */
export class StringIds {
  /** Pairs [hash, id + 1]; an id + 1 of 0 marks an empty slot. */
  private slots: Int32Array;
  private mask: number;
  /** The strings by id. */
  readonly keys: string[] = [];

  /** `expected`: about how many distinct keys will be added (the table grows past it if needed). */
  constructor(expected: number) {
    let capacity = 16;
    while (capacity * 3 < expected * 4) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.keys.length;
  }

  /** The id of `key`, or -1 if it was never added. */
  find(key: string): number {
    const hash = hashString(key);
    const slots = this.slots;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = slots[slot * 2 + 1] - 1;
      if (id < 0) return -1;
      if (slots[slot * 2] === hash && this.keys[id] === key) return id;
    }
  }

  /** The id of `key`, added with the next id (`size` before the call) if it is new. */
  add(key: string): number {
    const hash = hashString(key);
    const slots = this.slots;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = slots[slot * 2 + 1] - 1;
      if (id >= 0) {
        if (slots[slot * 2] === hash && this.keys[id] === key) return id;
        continue;
      }
      const added = this.keys.length;
      this.keys.push(key);
      slots[slot * 2] = hash;
      slots[slot * 2 + 1] = added + 1;
      if (this.keys.length * 4 > (this.mask + 1) * 3) this.grow();
      return added;
    }
  }

  /** Doubles the table, re-placing entries by their stored hashes (no key string is read again). */
  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === 0) continue;
      let slot = old[i] & this.mask;
      while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = old[i];
      this.slots[slot * 2 + 1] = old[i + 1];
    }
  }
}

/** FNV-1a over the UTF-16 code units, then a final mix so that the low bits used as the slot vary well. */
function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return hash ^ (hash >>> 13);
}
