/**
 * Large texts are analysed in chunks. Plugins run under a small memory cap (a few MB of linear memory),
 * so a 10 MB text cannot be given to them at once. Chunks are cut at paragraph or line breaks and
 * overlap, so a finding near a cut is seen whole by one chunk; each chunk keeps only the findings that
 * start in the part of the text it owns (up to the middle of each overlap), so nothing is reported twice.
 * Chunks run concurrently, which also spreads one large document over the plugin host's workers.
 */
import type { PluginFinding } from '../../shared/plugin-abi.js';
import type { PluginRun, TextAnalyzer } from './analysis-ports.js';

export interface ChunkingOptions {
  /** Longest chunk, in UTF-16 code units. */
  chunkChars: number;
  /** How much consecutive chunks share; must exceed the longest finding plus the context a detector reads. */
  overlapChars: number;
}

export const DEFAULT_CHUNKING: ChunkingOptions = { chunkChars: 50_000, overlapChars: 2_000 };

export interface Chunk {
  start: number;
  end: number;
  /** Findings starting in [ownStart, ownEnd) belong to this chunk. */
  ownStart: number;
  ownEnd: number;
}

export function chunkText(text: string, options: ChunkingOptions = DEFAULT_CHUNKING): Chunk[] {
  const { chunkChars, overlapChars } = options;
  const length = text.length;
  if (overlapChars * 2 >= chunkChars) throw new Error('overlap must be less than half a chunk');
  if (length <= chunkChars) return [{ start: 0, end: length, ownStart: 0, ownEnd: length }];
  const chunks: Chunk[] = [];
  let start = 0;
  for (;;) {
    if (length - start <= chunkChars) {
      chunks.push({ start, end: length, ownStart: 0, ownEnd: length });
      break;
    }
    const end = cutPoint(text, start + chunkChars - overlapChars, start + chunkChars);
    chunks.push({ start, end, ownStart: 0, ownEnd: 0 });
    start = cutPoint(text, end - overlapChars, end - Math.floor(overlapChars / 2));
  }
  // Each chunk owns from the middle of the overlap with the previous one to the middle of the next.
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    const prev = chunks[i - 1];
    const next = chunks[i + 1];
    c.ownStart = prev ? Math.floor((c.start + prev.end) / 2) : 0;
    c.ownEnd = next ? Math.floor((next.start + c.end) / 2) : length;
  }
  return chunks;
}

/** The best place to cut in [from, to): after a blank line, else after a line break, else after a space. */
function cutPoint(text: string, from: number, to: number): number {
  for (const sep of ['\n\n', '\n', ' ']) {
    const at = text.lastIndexOf(sep, to - sep.length);
    if (at >= from) return at + sep.length;
  }
  return to;
}

export function chunkedAnalyzer(inner: TextAnalyzer, options: ChunkingOptions = DEFAULT_CHUNKING): TextAnalyzer {
  return {
    async analyze(text, callOptions) {
      const chunks = chunkText(text, options);
      if (chunks.length === 1) return inner.analyze(text, callOptions);
      // A table's later chunks get its header line first, so column cues ("Nascimento", "CPF") still apply.
      const headerEnd = callOptions?.tableHeader ? text.indexOf('\n') + 1 : 0;
      const header = headerEnd > 0 && headerEnd < options.overlapChars ? text.slice(0, headerEnd) : '';
      const perChunk = await Promise.all(chunks.map((c, i) =>
        inner.analyze(i > 0 && header ? header + text.slice(c.start, c.end) : text.slice(c.start, c.end), callOptions)));
      return combineRuns(chunks, perChunk, header.length);
    },
  };
}

function combineRuns(chunks: Chunk[], perChunk: PluginRun[][], headerChars: number): PluginRun[] {
  const byPlugin = new Map<string, PluginRun>();
  perChunk.forEach((runs, i) => {
    const chunk = chunks[i]!;
    // Offsets in a chunk that starts with a repeated header are shifted by the header's length.
    const shift = chunk.start - (i > 0 ? headerChars : 0);
    for (const run of runs) {
      const own: PluginFinding[] = [];
      for (const f of run.findings) {
        const start = f.start + shift;
        if (start >= chunk.ownStart && start < chunk.ownEnd) own.push({ ...f, start, end: f.end + shift });
      }
      const sum = byPlugin.get(run.plugin);
      if (!sum) {
        byPlugin.set(run.plugin, {
          plugin: run.plugin, findings: own, durationMs: run.durationMs,
          ...(run.instructions !== undefined ? { instructions: run.instructions } : {}), ...(run.error ? { error: run.error } : {}),
        });
      } else {
        sum.findings.push(...own);
        sum.durationMs += run.durationMs;
        if (run.instructions !== undefined) sum.instructions = (sum.instructions ?? 0) + run.instructions;
        if (run.error && !sum.error) sum.error = run.error;
      }
    }
  });
  return [...byPlugin.values()];
}
