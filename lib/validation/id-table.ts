import { hashString } from "../risk/hash";

/**
 * The ids of one list (every person, device or account of a snapshot), for the reference check: an
 * Int32Array of [hash, position + 1] pairs sized once for the list, as lib/risk/id-index.ts. A Set of the
 * 550,000 ids of a 50,000-account document cost ~270 ms to fill (its growth steps re-hash every entry) and
 * its ~900,000 lookups ~340 ms (decision 030, stop 27).
 */
export class IdTable {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly items: readonly { id: string }[]) {
    let capacity = 16;
    while (capacity < items.length * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  has(id: string): boolean {
    const hash = hashString(id);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const position = this.slots[slot * 2 + 1] - 1;
      if (position < 0) return false;
      if (this.slots[slot * 2] === hash && this.items[position].id === id) return true;
    }
  }

  /** Adds items[position]'s id; false when an earlier position already holds the same id. */
  add(position: number): boolean {
    const id = this.items[position].id;
    const hash = hashString(id);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const existing = this.slots[slot * 2 + 1] - 1;
      if (existing < 0) {
        this.slots[slot * 2] = hash;
        this.slots[slot * 2 + 1] = position + 1;
        return true;
      }
      if (this.slots[slot * 2] === hash && this.items[existing].id === id) return false;
    }
  }
}
