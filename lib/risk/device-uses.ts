import type { Login } from "../validation/snapshot";
import { hashString } from "./hash";

/** Uses are grouped into 2^8 buckets by the top bits of their hash: ~1,000 uses per bucket at 50k accounts. */
const BUCKET_BITS = 8;
const BUCKETS = 1 << BUCKET_BITS;

/**
 * The device uses of one evaluation, as columns: use `u` is device `deviceId[u]` (whose hash is `hash[u]`) in
 * a 2SV method of `login[u]`, a login of account `account[u]`. Columns allocate no object per use, and the
 * numeric ones are read in order.
 */
export class DeviceUses {
  count = 0;
  hash: Int32Array;
  account: Int32Array;
  readonly deviceId: string[] = [];
  readonly login: Login[] = [];

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.hash = new Int32Array(size);
    this.account = new Int32Array(size);
  }

  /** Records the device-backed 2SV methods of `login` (an ACTIVE login of account `account`), in order. */
  addLogin(login: Login, account: number): void {
    const methods = login.twoStep;
    for (let m = 0; m < methods.length; m++) {
      const deviceId = methods[m].deviceId;
      if (deviceId !== null) this.add(deviceId, account, login);
    }
  }

  add(deviceId: string, account: number, login: Login): void {
    if (this.count === this.hash.length) this.grow();
    const use = this.count++;
    this.hash[use] = hashString(deviceId);
    this.account[use] = account;
    this.deviceId.push(deviceId);
    this.login.push(login);
  }

  /**
   * For each use, the first use of the same device id (the use itself when it is the first). The uses are
   * bucketed by the top bits of their hash (a counting sort that keeps their order), and each bucket is
   * checked for repeats in a small table that stays in cache; device ids are compared only when two hashes
   * are equal.
   */
  firstUses(): Int32Array {
    const { order, orderHash, starts } = this.byBucket();
    const firstUse = new Int32Array(this.count);
    let table = new Int32Array(64);
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      const start = starts[bucket];
      const end = starts[bucket + 1];
      // [hash, use + 1] per slot, at most half full; 0 marks an empty slot.
      let slots = 16;
      while (slots < (end - start) * 2) slots *= 2;
      if (table.length < slots * 2) table = new Int32Array(slots * 2);
      else table.fill(0, 0, slots * 2);
      const mask = slots - 1;
      for (let i = start; i < end; i++) {
        const use = order[i];
        const hash = orderHash[i];
        for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
          const first = table[slot * 2 + 1] - 1;
          if (first < 0) {
            table[slot * 2] = hash;
            table[slot * 2 + 1] = use + 1;
            firstUse[use] = use;
            break;
          }
          if (table[slot * 2] === hash && this.deviceId[first] === this.deviceId[use]) {
            firstUse[use] = first;
            break;
          }
        }
      }
    }
    return firstUse;
  }

  /** The uses grouped by bucket (each bucket in use order), with their hashes alongside and bucket starts. */
  private byBucket(): { order: Int32Array; orderHash: Int32Array; starts: Int32Array } {
    const starts = new Int32Array(BUCKETS + 1);
    for (let use = 0; use < this.count; use++) starts[(this.hash[use] >>> (32 - BUCKET_BITS)) + 1]++;
    for (let bucket = 0; bucket < BUCKETS; bucket++) starts[bucket + 1] += starts[bucket];
    const next = starts.slice(0, BUCKETS);
    const order = new Int32Array(this.count);
    const orderHash = new Int32Array(this.count);
    for (let use = 0; use < this.count; use++) {
      const hash = this.hash[use];
      const at = next[hash >>> (32 - BUCKET_BITS)]++;
      order[at] = use;
      orderHash[at] = hash;
    }
    return { order, orderHash, starts };
  }

  private grow(): void {
    const size = this.hash.length * 2;
    for (const column of ["hash", "account"] as const) {
      const bigger = new Int32Array(size);
      bigger.set(this[column]);
      this[column] = bigger;
    }
  }
}
