// A growable UTF-8 byte buffer in unmanaged memory, used to build the plugin's JSON output.

export class ByteWriter {
  ptr: usize;
  len: usize = 0;
  cap: usize;

  constructor(initial: usize = 1024) {
    this.cap = initial < 16 ? 16 : initial;
    this.ptr = heap.alloc(this.cap);
  }

  @inline ensure(extra: usize): void {
    if (this.len + extra > this.cap) this.grow(extra);
  }

  grow(extra: usize): void {
    let cap = this.cap << 1;
    while (cap < this.len + extra) cap <<= 1;
    this.ptr = heap.realloc(this.ptr, cap);
    this.cap = cap;
  }

  @inline byte(b: u32): void {
    this.ensure(1);
    store<u8>(this.ptr + this.len, <u8>b);
    this.len++;
  }

  /** Appends an ASCII-only string verbatim (no escaping). */
  ascii(s: string): void {
    const n = <usize>s.length;
    this.ensure(n);
    const src = changetype<usize>(s);
    const dst = this.ptr + this.len;
    for (let i: usize = 0; i < n; i++) store<u8>(dst + i, <u8>load<u16>(src + (i << 1)));
    this.len += n;
  }

  /** Appends a JSON string literal (with quotes) encoding `s` as UTF-8 with JSON escapes. */
  jsonString(s: string): void {
    const n = s.length;
    const src = changetype<usize>(s);
    this.ensure(<usize>n + 2);
    this.byte(0x22);
    for (let i = 0; i < n; i++) {
      let c = <u32>load<u16>(src + (<usize>i << 1));
      if (c < 0x80) {
        if (c == 0x22 || c == 0x5c) { this.byte(0x5c); this.byte(c); }
        else if (c < 0x20) {
          if (c == 0x0a) { this.byte(0x5c); this.byte(0x6e); }
          else if (c == 0x0d) { this.byte(0x5c); this.byte(0x72); }
          else if (c == 0x09) { this.byte(0x5c); this.byte(0x74); }
          else { this.ascii("\\u00"); this.hex2(c); }
        } else this.byte(c);
      } else if (c < 0x800) {
        this.byte(0xc0 | (c >> 6));
        this.byte(0x80 | (c & 0x3f));
      } else if (c >= 0xd800 && c < 0xe000) {
        let d: u32 = i + 1 < n ? <u32>load<u16>(src + (<usize>(i + 1) << 1)) : 0;
        if (c < 0xdc00 && d >= 0xdc00 && d < 0xe000) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          this.byte(0xf0 | (cp >> 18));
          this.byte(0x80 | ((cp >> 12) & 0x3f));
          this.byte(0x80 | ((cp >> 6) & 0x3f));
          this.byte(0x80 | (cp & 0x3f));
          i++;
        } else {
          // lone surrogate: U+FFFD, as TextEncoder would do
          this.byte(0xef); this.byte(0xbf); this.byte(0xbd);
        }
      } else {
        this.byte(0xe0 | (c >> 12));
        this.byte(0x80 | ((c >> 6) & 0x3f));
        this.byte(0x80 | (c & 0x3f));
      }
    }
    this.byte(0x22);
  }

  hex2(v: u32): void {
    const hi = (v >> 4) & 0xf;
    const lo = v & 0xf;
    this.byte(hi < 10 ? 0x30 + hi : 0x57 + hi);
    this.byte(lo < 10 ? 0x30 + lo : 0x57 + lo);
  }

  int(v: i64): void {
    if (v < 0) { this.byte(0x2d); v = -v; }
    let buf = stackDigits;
    let n = 0;
    do {
      store<u8>(buf + n, <u8>(0x30 + <u32>(v % 10)));
      v /= 10;
      n++;
    } while (v > 0);
    this.ensure(<usize>n);
    while (n > 0) { n--; this.byte(load<u8>(buf + n)); }
  }

  /** Appends a number in [0, 1] with at most 4 decimals (NaN → 0). */
  unit(v: f64): void {
    if (!(v > 0)) { this.byte(0x30); return; }
    if (v >= 1) { this.byte(0x31); return; }
    let q = <i32>Math.round(v * 10000);
    if (q >= 10000) { this.byte(0x31); return; }
    if (q <= 0) { this.byte(0x30); return; }
    this.byte(0x30); this.byte(0x2e);
    let digits = 4;
    while (q % 10 == 0) { q /= 10; digits--; }
    let div = 1;
    for (let k = 1; k < digits; k++) div *= 10;
    while (div > 0) { this.byte(0x30 + <u32>((q / div) % 10)); div /= 10; }
  }

  dispose(): void {
    heap.free(this.ptr);
    this.ptr = 0;
    this.len = 0;
    this.cap = 0;
  }
}

const stackDigits: usize = memory.data(24);
