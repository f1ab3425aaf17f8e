// A compact word list: one string of folded (lower-case, unaccented) entries separated by '|', sorted once at
// start-up; lookups compare a slice of the document text (folded on the fly) without allocating.
import { unitAt, fold } from "../../sdk/assembly";

let sortData: string = "";
let sortStarts: StaticArray<i32> = new StaticArray<i32>(0);
let sortLens: StaticArray<i32> = new StaticArray<i32>(0);

function cmpEntries(a: i32, b: i32): i32 {
  const d = sortData;
  const sa = unchecked(sortStarts[a]), la = unchecked(sortLens[a]);
  const sb = unchecked(sortStarts[b]), lb = unchecked(sortLens[b]);
  const m = la < lb ? la : lb;
  for (let k = 0; k < m; k++) {
    const x = unitAt(d, sa + k), y = unitAt(d, sb + k);
    if (x != y) return x - y;
  }
  return la - lb;
}

/** True for combining diacritical marks (text in decomposed form). */
// @ts-ignore: decorator
@inline export function isCombining(c: i32): bool {
  return c >= 0x300 && c <= 0x36f;
}

export class Dict {
  data: string;
  starts: StaticArray<i32>;
  lens: StaticArray<i32>;
  flags: StaticArray<i32>;
  count: i32;
  /** Hash index over the entries (open addressing): entry index + 1 (0: empty) and the entry's hash. */
  slotEntry: StaticArray<i32> = new StaticArray<i32>(0);
  slotHash: StaticArray<u32> = new StaticArray<u32>(0);
  slotMask: i32 = 0;

  /** Builds one table from several '|'-separated lists; an entry's flags are the OR of its lists' flags. */
  constructor(lists: string[], listFlags: i32[]) {
    let data = "";
    for (let l = 0; l < lists.length; l++) data += (l > 0 ? "|" : "") + lists[l];
    this.data = data;
    const len = data.length;
    let n = 1;
    for (let i = 0; i < len; i++) if (unitAt(data, i) == 0x7c) n++;
    const rawStarts = new StaticArray<i32>(n);
    const rawLens = new StaticArray<i32>(n);
    const rawFlags = new StaticArray<i32>(n);
    let k = 0;
    let s = 0;
    let list = 0;
    let listEnd = lists.length > 0 ? lists[0].length : 0;
    for (let i = 0; i <= len; i++) {
      if (i == len || unitAt(data, i) == 0x7c) {
        if (i > s) {
          unchecked(rawStarts[k] = s);
          unchecked(rawLens[k] = i - s);
          unchecked(rawFlags[k] = listFlags[list]);
          k++;
        }
        s = i + 1;
        if (i == listEnd && list + 1 < lists.length) {
          list++;
          listEnd = s + lists[list].length;
        }
      }
    }
    sortData = data;
    sortStarts = rawStarts;
    sortLens = rawLens;
    const order = new Array<i32>(k);
    for (let i = 0; i < k; i++) unchecked(order[i] = i);
    order.sort(cmpEntries);
    this.starts = new StaticArray<i32>(k);
    this.lens = new StaticArray<i32>(k);
    this.flags = new StaticArray<i32>(k);
    let m = 0;
    for (let i = 0; i < k; i++) {
      const o = unchecked(order[i]);
      if (m > 0 && cmpEntries(unchecked(order[i - 1]), o) == 0) {
        unchecked(this.flags[m - 1] = this.flags[m - 1] | rawFlags[o]);
        continue;
      }
      unchecked(this.starts[m] = rawStarts[o]);
      unchecked(this.lens[m] = rawLens[o]);
      unchecked(this.flags[m] = rawFlags[o]);
      m++;
    }
    this.count = m;
    this.buildIndex();
  }

  /** Hash index over the sorted, distinct entries (one probe per lookup instead of a binary search). */
  private buildIndex(): void {
    let size = 16;
    while (size < this.count * 2) size <<= 1;
    this.slotEntry = new StaticArray<i32>(size);
    this.slotHash = new StaticArray<u32>(size);
    this.slotMask = size - 1;
    const d = this.data;
    for (let idx = 0; idx < this.count; idx++) {
      const ds = unchecked(this.starts[idx]), dl = unchecked(this.lens[idx]);
      let h: u32 = 2166136261;
      for (let j = 0; j < dl; j++) h = (h ^ <u32>unitAt(d, ds + j)) * 16777619;
      let slot = <i32>h & this.slotMask;
      while (unchecked(this.slotEntry[slot]) != 0) slot = (slot + 1) & this.slotMask;
      unchecked(this.slotEntry[slot] = idx + 1);
      unchecked(this.slotHash[slot] = h);
    }
  }

  /** Flags of the folded slice text[s, e) (combining marks skipped), 0 when absent. */
  lookup(text: string, s: i32, e: i32): i32 {
    // hash of the slice as compare() sees it (folded, combining marks skipped, separators mapped)
    let h: u32 = 2166136261;
    for (let i = s; i < e; i++) {
      const c = unitAt(text, i);
      let a: i32;
      if (c < 0x80) {
        // ASCII: fold() is lower-casing; '-', '_' and tab compare as a space
        a = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
        if (a == 0x2d || a == 0x5f || a == 0x09) a = 0x20;
      } else {
        if (isCombining(c)) continue;
        a = fold(c);
        if (a == 0xa0 || a == 0x2010 || a == 0x2011) a = 0x20;
        else if (a == 0x2019) a = 0x27;
      }
      h = (h ^ <u32>a) * 16777619;
    }
    let slot = <i32>h & this.slotMask;
    while (true) {
      const idx = unchecked(this.slotEntry[slot]);
      if (idx == 0) return 0;
      if (unchecked(this.slotHash[slot]) == h && this.compare(text, s, e, idx - 1) == 0) return unchecked(this.flags[idx - 1]);
      slot = (slot + 1) & this.slotMask;
    }
  }

  /** Folded text slice compared with entry `idx`: negative, zero or positive. */
  compare(text: string, s: i32, e: i32, idx: i32): i32 {
    const d = this.data;
    const ds = unchecked(this.starts[idx]);
    const dl = unchecked(this.lens[idx]);
    let i = s;
    let j = 0;
    while (true) {
      while (i < e && isCombining(unitAt(text, i))) i++;
      let a = -1;
      if (i < e) {
        a = fold(unitAt(text, i));
        if (a == 0x2d || a == 0x5f || a == 0x09 || a == 0xa0 || a == 0x2010 || a == 0x2011) a = 0x20;
        else if (a == 0x2019) a = 0x27;
      }
      const b = j < dl ? <i32>unitAt(d, ds + j) : -1;
      if (a != b) return a < b ? -1 : 1;
      if (a == -1) return 0;
      i++;
      j++;
    }
  }
}

/** FNV-1a hash of a folded text slice (combining marks skipped). */
export function foldHash(text: string, s: i32, e: i32): u32 {
  let h: u32 = 2166136261;
  for (let i = s; i < e; i++) {
    const c = unitAt(text, i);
    if (isCombining(c)) continue;
    h ^= <u32>fold(c);
    h *= 16777619;
  }
  return h == 0 ? 1 : h;
}

/** A fixed-capacity open-addressing set of non-zero 32-bit hashes (inserts beyond 3/4 full are dropped). */
export class HashSet {
  slots: StaticArray<u32>;
  mask: u32;
  size: i32 = 0;
  constructor(capacityPow2: i32) {
    this.slots = new StaticArray<u32>(capacityPow2);
    this.mask = <u32>(capacityPow2 - 1);
  }
  clear(): void {
    const n = this.slots.length;
    for (let i = 0; i < n; i++) unchecked(this.slots[i] = 0);
    this.size = 0;
  }
  add(h: u32): void {
    if (this.size * 4 >= this.slots.length * 3) return;
    let i = h & this.mask;
    while (true) {
      const v = unchecked(this.slots[i]);
      if (v == h) return;
      if (v == 0) {
        unchecked(this.slots[i] = h);
        this.size++;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }
  has(h: u32): bool {
    let i = h & this.mask;
    while (true) {
      const v = unchecked(this.slots[i]);
      if (v == h) return true;
      if (v == 0) return false;
      i = (i + 1) & this.mask;
    }
  }
}
