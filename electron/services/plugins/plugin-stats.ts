/** Per-plugin call statistics kept by the main side (they survive plugin host restarts). */
import type { PluginCallResult } from '../../plugin-host/host-protocol.js';

export interface PluginStatsSnapshot {
  plugin: string;
  calls: number;
  errors: number;
  timeouts: number;
  p50Ms: number;
  p95Ms: number;
  /** Highest linear memory size seen after a call, in 64 KiB pages. */
  memoryHighWaterPages: number;
  /** Instructions per call, median and highest over the kept calls (plugins with an instruction budget). */
  instructionsP50?: number;
  instructionsMax?: number;
}

export const STATS_WINDOW = 1000;
const WINDOW = STATS_WINDOW;

/** Counters plus the last STATS_WINDOW call durations of one plugin. */
export interface PluginStatsEntry {
  plugin: string;
  calls: number;
  errors: number;
  timeouts: number;
  durations: number[];
  memoryHighWaterPages: number;
  /** The last STATS_WINDOW instruction counts (calls of plugins with an instruction budget). */
  instructions?: number[];
}

/** Summarises raw entries (percentiles over the kept durations and instruction counts). */
export function summarise(e: PluginStatsEntry): PluginStatsSnapshot {
  const sorted = [...e.durations].sort((a, b) => a - b);
  const counts = [...(e.instructions ?? [])].sort((a, b) => a - b);
  return {
    plugin: e.plugin, calls: e.calls, errors: e.errors, timeouts: e.timeouts,
    p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95), memoryHighWaterPages: e.memoryHighWaterPages,
    ...(counts.length > 0 ? { instructionsP50: percentile(counts, 0.5), instructionsMax: counts[counts.length - 1] as number } : {}),
  };
}

interface Entry {
  calls: number;
  errors: number;
  timeouts: number;
  durations: number[];
  next: number;
  memoryHighWaterPages: number;
  instructions: number[];
  nextInstructions: number;
}

export class PluginStats {
  readonly #entries = new Map<string, Entry>();

  record(result: Pick<PluginCallResult, 'plugin' | 'durationMs' | 'memoryPages' | 'instructions' | 'error'>): void {
    let e = this.#entries.get(result.plugin);
    if (!e) this.#entries.set(result.plugin, (e = { calls: 0, errors: 0, timeouts: 0, durations: [], next: 0, memoryHighWaterPages: 0, instructions: [], nextInstructions: 0 }));
    e.calls++;
    if (result.error) e.errors++;
    if (result.error?.code === 'TIMEOUT') e.timeouts++;
    // ring buffer of the last WINDOW durations
    if (e.durations.length < WINDOW) e.durations.push(result.durationMs);
    else e.durations[e.next] = result.durationMs;
    e.next = (e.next + 1) % WINDOW;
    if (result.memoryPages !== undefined && result.memoryPages > e.memoryHighWaterPages) e.memoryHighWaterPages = result.memoryPages;
    if (result.instructions !== undefined) {
      if (e.instructions.length < WINDOW) e.instructions.push(result.instructions);
      else e.instructions[e.nextInstructions] = result.instructions;
      e.nextInstructions = (e.nextInstructions + 1) % WINDOW;
    }
  }

  /** Raw counters and the recent durations (for persisting across sessions: see plugin-stats-store.ts). */
  exportEntries(): PluginStatsEntry[] {
    return [...this.#entries].map(([plugin, e]) => ({
      plugin, calls: e.calls, errors: e.errors, timeouts: e.timeouts, durations: [...e.durations], memoryHighWaterPages: e.memoryHighWaterPages,
      ...(e.instructions.length > 0 ? { instructions: [...e.instructions] } : {}),
    }));
  }

  snapshot(): PluginStatsSnapshot[] {
    return this.exportEntries().map(summarise);
  }
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return Math.round((sorted[idx] as number) * 1000) / 1000;
}
