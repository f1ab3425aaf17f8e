/*
 * Sigilo plugin in C (plugin ABI v1, see plugins/README.md): finds laboratory sample identifiers such as
 * "AMOSTRA-2026-000123" and reports them as findings of type "lab_sample_id".
 *
 * No libc (-nostdlib): memory comes from a bump allocator over linear memory (grown with memory.grow),
 * the host is reached only through Extism's kernel functions (extism:host/env). The input JSON
 * {"api":1,"text":…,"language":…,"options":{…}} is scanned for the top-level "text" string, which is decoded
 * straight into UTF-16 code units, so finding offsets are UTF-16 indices as the ABI requires.
 */
#include <stdint.h>
#include <stddef.h>

#define EXTISM(name) __attribute__((import_module("extism:host/env"), import_name(#name)))

EXTISM(input_length) extern uint64_t extism_input_length(void);
EXTISM(input_load_u64) extern uint64_t extism_input_load_u64(uint64_t offset);
EXTISM(input_load_u8) extern uint8_t extism_input_load_u8(uint64_t offset);
EXTISM(alloc) extern uint64_t extism_alloc(uint64_t length);
EXTISM(store_u64) extern void extism_store_u64(uint64_t offset, uint64_t value);
EXTISM(store_u8) extern void extism_store_u8(uint64_t offset, uint8_t value);
EXTISM(output_set) extern void extism_output_set(uint64_t offset, uint64_t length);
EXTISM(error_set) extern void extism_error_set(uint64_t offset);

/* ---------------------------------------------------------------- memory: a bump allocator, reset per call */

/* Freestanding: the compiler may still emit calls to these for copies, so we provide them. */
void *memcpy(void *dst, const void *src, size_t n) {
  uint8_t *d = dst;
  const uint8_t *s = src;
  while (n--) *d++ = *s++;
  return dst;
}
void *memset(void *dst, int c, size_t n) {
  uint8_t *d = dst;
  while (n--) *d++ = (uint8_t)c;
  return dst;
}
static int same_bytes(const uint8_t *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++) if (a[i] != (uint8_t)b[i]) return 0;
  return 1;
}

extern unsigned char __heap_base;
static uintptr_t heap_top;

static void heap_reset(void) { heap_top = (uintptr_t)&__heap_base; }

static void *heap_alloc(size_t size) {
  uintptr_t start = (heap_top + 7u) & ~(uintptr_t)7u;
  uintptr_t end = start + size;
  if (end < start) return NULL;
  size_t have = __builtin_wasm_memory_size(0) * 65536u;
  if (end > have) {
    size_t pages = (end - have + 65535u) / 65536u;
    if (__builtin_wasm_memory_grow(0, pages) == (size_t)-1) return NULL;
  }
  heap_top = end;
  return (void *)start;
}

/* ---------------------------------------------------------------- host output */

static uint64_t to_host_block(const uint8_t *bytes, size_t len) {
  uint64_t block = extism_alloc(len);
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t word;
    memcpy(&word, bytes + i, 8);
    extism_store_u64(block + i, word);
  }
  for (; i < len; i++) extism_store_u8(block + i, bytes[i]);
  return block;
}

static int fail(const char *message) {
  size_t len = 0;
  while (message[len]) len++;
  extism_error_set(to_host_block((const uint8_t *)message, len));
  return 1;
}

/* A growable byte buffer for the output JSON. */
typedef struct { uint8_t *data; size_t len, cap; int oom; } Buf;

static void buf_put(Buf *b, const char *s, size_t n) {
  if (b->oom) return;
  if (b->len + n > b->cap) {
    size_t cap = b->cap * 2 + n + 64;
    uint8_t *data = heap_alloc(cap);
    if (!data) { b->oom = 1; return; }
    if (b->len) memcpy(data, b->data, b->len);
    b->data = data;
    b->cap = cap;
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
}

static void buf_str(Buf *b, const char *s) {
  size_t n = 0;
  while (s[n]) n++;
  buf_put(b, s, n);
}

static void buf_uint(Buf *b, uint32_t v) {
  char tmp[10];
  int n = 0;
  do { tmp[n++] = (char)('0' + v % 10); v /= 10; } while (v);
  char out[10];
  for (int i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
  buf_put(b, out, (size_t)n);
}

/* ---------------------------------------------------------------- input: find and decode "text" */

typedef struct { const uint8_t *s; size_t n, i; } Json;

static void skip_ws(Json *j) {
  while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' || j->s[j->i] == '\n' || j->s[j->i] == '\r')) j->i++;
}

/* Skips a JSON string starting at j->i (which is '"'); returns 0 on malformed input. */
static int skip_string(Json *j) {
  j->i++;
  while (j->i < j->n) {
    uint8_t c = j->s[j->i++];
    if (c == '\\') j->i++;
    else if (c == '"') return 1;
  }
  return 0;
}

/* Skips any JSON value (strings, numbers, literals, nested objects/arrays). */
static int skip_value(Json *j) {
  skip_ws(j);
  if (j->i >= j->n) return 0;
  if (j->s[j->i] == '"') return skip_string(j);
  if (j->s[j->i] == '{' || j->s[j->i] == '[') {
    int depth = 0;
    while (j->i < j->n) {
      uint8_t c = j->s[j->i];
      if (c == '"') { if (!skip_string(j)) return 0; continue; }
      if (c == '{' || c == '[') depth++;
      else if (c == '}' || c == ']') { depth--; if (depth == 0) { j->i++; return 1; } }
      j->i++;
    }
    return 0;
  }
  while (j->i < j->n && j->s[j->i] != ',' && j->s[j->i] != '}' && j->s[j->i] != ']') j->i++;
  return 1;
}

static int hex(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Decodes the JSON string at j->i into UTF-16 code units (allocated); returns the count or -1. */
static int32_t decode_string_utf16(Json *j, uint16_t **out) {
  uint16_t *units = heap_alloc((j->n - j->i) * sizeof(uint16_t) + 2);
  if (!units) return -1;
  size_t k = 0;
  j->i++; /* opening quote */
  while (j->i < j->n) {
    uint8_t c = j->s[j->i++];
    if (c == '"') { *out = units; return (int32_t)k; }
    if (c == '\\') {
      if (j->i >= j->n) return -1;
      uint8_t e = j->s[j->i++];
      switch (e) {
        case 'n': units[k++] = '\n'; break;
        case 't': units[k++] = '\t'; break;
        case 'r': units[k++] = '\r'; break;
        case 'b': units[k++] = '\b'; break;
        case 'f': units[k++] = '\f'; break;
        case 'u': {
          if (j->i + 4 > j->n) return -1;
          int v = 0;
          for (int d = 0; d < 4; d++) { int h = hex(j->s[j->i++]); if (h < 0) return -1; v = v * 16 + h; }
          units[k++] = (uint16_t)v; /* surrogates stay as they are: we count UTF-16 units */
          break;
        }
        default: units[k++] = e; /* \" \\ \/ */
      }
      continue;
    }
    uint32_t cp;
    if (c < 0x80) cp = c;
    else if ((c & 0xE0) == 0xC0 && j->i < j->n) cp = ((uint32_t)(c & 0x1F) << 6) | (j->s[j->i++] & 0x3F);
    else if ((c & 0xF0) == 0xE0 && j->i + 1 < j->n) { cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(j->s[j->i] & 0x3F) << 6) | (j->s[j->i + 1] & 0x3F); j->i += 2; }
    else if ((c & 0xF8) == 0xF0 && j->i + 2 < j->n) { cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(j->s[j->i] & 0x3F) << 12) | ((uint32_t)(j->s[j->i + 1] & 0x3F) << 6) | (j->s[j->i + 2] & 0x3F); j->i += 3; }
    else cp = 0xFFFD;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units[k++] = (uint16_t)(0xD800 + (cp >> 10));
      units[k++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
    } else units[k++] = (uint16_t)cp;
  }
  return -1;
}

/* Finds the top-level "text" member; returns its UTF-16 length (or -1) and sets *text. */
static int32_t read_text(const uint8_t *json, size_t n, uint16_t **text) {
  Json j = { json, n, 0 };
  skip_ws(&j);
  if (j.i >= n || json[j.i] != '{') return -1;
  j.i++;
  for (;;) {
    skip_ws(&j);
    if (j.i >= n || json[j.i] != '"') return -1;
    size_t key = j.i + 1;
    if (!skip_string(&j)) return -1;
    int is_text = (j.i - key - 1 == 4) && same_bytes(json + key, "text", 4);
    skip_ws(&j);
    if (j.i >= n || json[j.i] != ':') return -1;
    j.i++;
    skip_ws(&j);
    if (is_text) return (j.i < n && json[j.i] == '"') ? decode_string_utf16(&j, text) : -1;
    if (!skip_value(&j)) return -1;
    skip_ws(&j);
    if (j.i < n && json[j.i] == ',') { j.i++; continue; }
    return -1;
  }
}

/* ---------------------------------------------------------------- detection */

static int is_digit(uint16_t c) { return c >= '0' && c <= '9'; }
static int is_alnum(uint16_t c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
static int is_sep(uint16_t c) { return c == '-' || c == ' ' || c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0xA0 || c == '/'; }
static uint16_t upper(uint16_t c) { return (c >= 'a' && c <= 'z') ? (uint16_t)(c - 32) : c; }

/* If an identifier starts at `p`, returns its end (exclusive); else 0. */
static int32_t match_at(const uint16_t *t, int32_t n, int32_t p) {
  static const char word[] = "AMOSTRA";
  int32_t i = p;
  for (int w = 0; w < 7; w++, i++) if (i >= n || upper(t[i]) != (uint16_t)word[w]) return 0;
  if (i < n && is_sep(t[i])) i++;
  if (i + 4 > n) return 0;
  for (int d = 0; d < 4; d++) if (!is_digit(t[i + d])) return 0;
  int year = (t[i] - '0') * 1000 + (t[i + 1] - '0') * 100 + (t[i + 2] - '0') * 10 + (t[i + 3] - '0');
  if (year < 2000 || year > 2099) return 0;
  i += 4;
  if (i < n && is_sep(t[i])) i++;
  if (i + 6 > n) return 0;
  for (int d = 0; d < 6; d++) if (!is_digit(t[i + d])) return 0;
  i += 6;
  if (i < n && is_alnum(t[i])) return 0; /* AMOSTRA-2026-0001234 is something else */
  return i;
}

static const char REASON[] = "Identificador de amostra de laboratório (AMOSTRA-ano-número): liga o exame ao paciente.";

__attribute__((export_name("analyze")))
int analyze(void) {
  heap_reset();
  uint64_t n = extism_input_length();
  uint8_t *json = heap_alloc((size_t)n + 8);
  if (!json) return fail("c-example: memória insuficiente para a entrada");
  uint64_t i = 0;
  for (; i + 8 <= n; i += 8) { uint64_t w = extism_input_load_u64(i); memcpy(json + i, &w, 8); }
  for (; i < n; i++) json[i] = extism_input_load_u8(i);

  uint16_t *text = NULL;
  int32_t len = read_text(json, (size_t)n, &text);
  if (len < 0) return fail("c-example: entrada JSON inválida (campo \"text\" ausente ou malformado)");

  Buf out = { NULL, 0, 0, 0 };
  buf_str(&out, "{\"findings\":[");
  int count = 0;
  for (int32_t p = 0; p < len; p++) {
    uint16_t c = text[p];
    if (c != 'A' && c != 'a') continue;
    if (p > 0 && is_alnum(text[p - 1])) continue; /* must start a word */
    int32_t end = match_at(text, len, p);
    if (!end) continue;
    if (count++) buf_str(&out, ",");
    buf_str(&out, "{\"type\":\"lab_sample_id\",\"start\":");
    buf_uint(&out, (uint32_t)p);
    buf_str(&out, ",\"end\":");
    buf_uint(&out, (uint32_t)end);
    buf_str(&out, ",\"confidence\":0.95,\"validated\":true,\"reason\":\"");
    buf_str(&out, REASON);
    buf_str(&out, "\"}");
    p = end - 1;
  }
  buf_str(&out, "]}");
  if (out.oom) return fail("c-example: memória insuficiente para a saída");
  extism_output_set(to_host_block(out.data, out.len), out.len);
  return 0;
}
