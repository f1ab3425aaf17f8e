/**
 * Per-plugin statistics kept across runs: <dataDir>/plugins/stats.json, merged after each CLI run / app
 * session (counters added, the most recent STATS_WINDOW durations kept, memory high-water mark maxed).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file.js';
import { STATS_WINDOW, summarise, type PluginStatsEntry, type PluginStatsSnapshot } from './plugin-stats.js';

export const STATS_FILE = 'stats.json';

const EntrySchema = z.object({
  calls: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  timeouts: z.number().int().nonnegative(),
  durations: z.array(z.number().nonnegative()).max(STATS_WINDOW),
  memoryHighWaterPages: z.number().int().nonnegative(),
  instructions: z.array(z.number().int().nonnegative()).max(STATS_WINDOW).optional(),
  updatedAt: z.string().optional(),
});
const StatsFileSchema = z.object({ plugins: z.record(z.string(), EntrySchema).default({}) });

function statsFile(dataDir: string): string {
  return path.join(dataDir, 'plugins', STATS_FILE);
}

/** Persisted raw entries by "id@version"; an unreadable file counts as empty (stats are not precious). */
export async function readPersistedStats(dataDir: string): Promise<Map<string, PluginStatsEntry>> {
  try {
    const parsed = StatsFileSchema.safeParse(JSON.parse(await readFile(statsFile(dataDir), 'utf8')));
    if (!parsed.success) return new Map();
    return new Map(Object.entries(parsed.data.plugins).map(([plugin, { instructions, ...e }]) => [plugin, { plugin, ...e, ...(instructions ? { instructions } : {}) }]));
  } catch {
    return new Map();
  }
}

export function mergeEntries(a: PluginStatsEntry | undefined, b: PluginStatsEntry): PluginStatsEntry {
  const instructions = [...(a?.instructions ?? []), ...(b.instructions ?? [])].slice(-STATS_WINDOW);
  const counted = instructions.length > 0 ? { instructions } : {};
  if (!a) return { ...b, durations: b.durations.slice(-STATS_WINDOW), ...counted };
  return {
    plugin: b.plugin,
    calls: a.calls + b.calls,
    errors: a.errors + b.errors,
    timeouts: a.timeouts + b.timeouts,
    durations: [...a.durations, ...b.durations].slice(-STATS_WINDOW),
    memoryHighWaterPages: Math.max(a.memoryHighWaterPages, b.memoryHighWaterPages),
    ...counted,
  };
}

/** Adds a session's entries to stats.json. */
export async function persistStats(dataDir: string, session: PluginStatsEntry[], now: Date = new Date()): Promise<void> {
  if (session.length === 0) return;
  const all = await readPersistedStats(dataDir);
  for (const e of session) all.set(e.plugin, mergeEntries(all.get(e.plugin), e));
  const plugins: Record<string, unknown> = {};
  for (const [plugin, e] of [...all].sort(([x], [y]) => x.localeCompare(y))) {
    const { plugin: _omit, ...rest } = e;
    void _omit;
    plugins[plugin] = { ...rest, durations: rest.durations.map((d) => Math.round(d * 1000) / 1000), updatedAt: now.toISOString() };
  }
  await writeFileAtomic(statsFile(dataDir), `${JSON.stringify({ plugins })}\n`);
}

/** Persisted stats plus a live session's, summarised. */
export async function combinedStats(dataDir: string, live: PluginStatsEntry[] = []): Promise<PluginStatsSnapshot[]> {
  const all = await readPersistedStats(dataDir);
  for (const e of live) all.set(e.plugin, mergeEntries(all.get(e.plugin), e));
  return [...all.values()].map(summarise);
}
