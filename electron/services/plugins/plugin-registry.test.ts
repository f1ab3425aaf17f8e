import { describe, expect, it } from 'vitest';
import { compareSemver, parseCapabilities, RegistryError } from './plugin-registry.js';
import { mergeEntries } from './plugin-stats-store.js';
import { summarise } from './plugin-stats.js';

describe('plugin registry helpers', () => {
  it('orders versions by semver precedence (upgrade only to newer)', () => {
    expect(compareSemver('1.10.0', '1.9.9')).toBe(1);
    expect(compareSemver('1.0.0', '1.0.0-rc.1')).toBe(1);
    expect(compareSemver('1.0.0-rc.2', '1.0.0-rc.10')).toBe(-1);
    expect(compareSemver('1.0.0-alpha', '1.0.0-alpha.1')).toBe(-1);
    expect(compareSemver('2.0.0+build.5', '2.0.0')).toBe(0);
  });

  it('parses capability lists and refuses unknown ones', () => {
    expect(parseCapabilities('log, audit')).toEqual(['log', 'audit']);
    expect(() => parseCapabilities('log,net')).toThrow(RegistryError);
  });

  it('merges persisted and session statistics', () => {
    const a = { plugin: 'x@1', calls: 2, errors: 1, timeouts: 1, durations: [1, 100], memoryHighWaterPages: 3 };
    const b = { plugin: 'x@1', calls: 3, errors: 0, timeouts: 0, durations: [2, 3, 4], memoryHighWaterPages: 2 };
    const merged = mergeEntries(a, b);
    expect(merged).toMatchObject({ calls: 5, errors: 1, timeouts: 1, memoryHighWaterPages: 3 });
    expect(summarise(merged)).toMatchObject({ p50Ms: 3, p95Ms: 100 });
    expect(mergeEntries(undefined, { ...b, durations: Array.from({ length: 1500 }, (_, i) => i) }).durations).toHaveLength(1000);
  });
});
