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
}

/** Summarises raw entries (percentiles over the kept durations). */
export function summarise(e: PluginStatsEntry): PluginStatsSnapshot {
  const sorted = [...e.durations].sort((a, b) => a - b);
  return {
    plugin: e.plugin, calls: e.calls, errors: e.errors, timeouts: e.timeouts,
    p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95), memoryHighWaterPages: e.memoryHighWaterPages,
  };
}

interface Entry {
  calls: number;
  errors: number;
  timeouts: number;
  durations: number[];
  next: number;
  memoryHighWaterPages: number;
}

export class PluginStats {
  readonly #entries = new Map<string, Entry>();

  record(result: Pick<PluginCallResult, 'plugin' | 'durationMs' | 'memoryPages' | 'error'>): void {
    let e = this.#entries.get(result.plugin);
    if (!e) this.#entries.set(result.plugin, (e = { calls: 0, errors: 0, timeouts: 0, durations: [], next: 0, memoryHighWaterPages: 0 }));
    e.calls++;
    if (result.error) e.errors++;
    if (result.error?.code === 'TIMEOUT') e.timeouts++;
    // ring buffer of the last WINDOW durations
    if (e.durations.length < WINDOW) e.durations.push(result.durationMs);
    else e.durations[e.next] = result.durationMs;
    e.next = (e.next + 1) % WINDOW;
    if (result.memoryPages !== undefined && result.memoryPages > e.memoryHighWaterPages) e.memoryHighWaterPages = result.memoryPages;
  }

  /** Raw counters and the recent durations (for persisting across sessions: see plugin-stats-store.ts). */
  exportEntries(): PluginStatsEntry[] {
    return [...this.#entries].map(([plugin, e]) => ({
      plugin, calls: e.calls, errors: e.errors, timeouts: e.timeouts, durations: [...e.durations], memoryHighWaterPages: e.memoryHighWaterPages,
    }));
  }

  snapshot(): PluginStatsSnapshot[] {
    return [...this.#entries].map(([plugin, e]) => {
      const sorted = [...e.durations].sort((a, b) => a - b);
      return {
        plugin, calls: e.calls, errors: e.errors, timeouts: e.timeouts,
        p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95), memoryHighWaterPages: e.memoryHighWaterPages,
      };
    });
  }
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return Math.round((sorted[idx] as number) * 1000) / 1000;
}
