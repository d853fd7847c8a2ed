import { hashString } from "./hash";

/**
 * Records by id, for a list of ~100k+ records (every person of the snapshot). A Map of them was ~10% of an
 * evaluation: its growth steps re-hash every entry and are garbage the GC then has to collect, and a lookup
 * compares the key with every same-length id in its chain. This table is one Int32Array of [hash, position
 * + 1] pairs, sized once, and compares ids only when their hashes are equal. Like Map.set in list order, the
 * last record wins when an id repeats (unvalidated input).
 */
export class IdIndex<T extends { id: string }> {
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** An empty index over `records`; add() each position (the caller's own pass over the list can do it). */
  constructor(private readonly records: readonly T[]) {
    let capacity = 16;
    while (capacity < records.length * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  get(id: string): T | undefined {
    const hash = hashString(id);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const position = this.slots[slot * 2 + 1] - 1;
      if (position < 0) return undefined;
      if (this.slots[slot * 2] === hash && this.records[position].id === id) return this.records[position];
    }
  }

  /** Indexes records[position] under its id. */
  add(position: number): void {
    const id = this.records[position].id;
    const hash = hashString(id);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const existing = this.slots[slot * 2 + 1] - 1;
      if (existing < 0 || (this.slots[slot * 2] === hash && this.records[existing].id === id)) {
        this.slots[slot * 2] = hash;
        this.slots[slot * 2 + 1] = position + 1;
        return;
      }
    }
  }
}
