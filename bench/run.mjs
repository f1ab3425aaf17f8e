// Sigilo benchmarks (issue 9). Prints a table, writes bench/results.json and bench/results.svg.
//
//   npm run bench                 build, then the full run (~10 MB of text, 1,000 documents; several minutes)
//   npm run bench -- --quick      build, then a smoke run (< 2 min): small sizes, few repetitions; exits
//                                 non-zero if anything is broken
//   node bench/run.mjs [--quick] [--only plugins,peer,e2e] [--update-doc]   (needs `npm run build` first;
//                                 --update-doc rewrites the results block of BENCHMARKS.md and BENCHMARKS.svg)
//
// Every figure is the median of several runs with its spread (p25–p75, or min–max for few runs).
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadLib } from './lib/bundle.mjs';
import { chartSvg } from './lib/chart.mjs';
import { docx, mixedBatch, scannedPdf, textPdf } from './lib/documents.mjs';
import { clinicalDocuments, loadCorpus } from './lib/fixtures.mjs';
import { distPlugins, root } from './lib/paths.mjs';
import { rssKb } from './lib/rss.mjs';
import { fmt, summary } from './lib/stats.mjs';
import { runCli, writeFiles } from './sections/e2e.mjs';
import { corpusF1, openRedactionDocsPerSec } from './sections/peer.mjs';
import {
  coldStart, crossProcessCall, hostThroughput, inProcessCall, loadPlugins, memoryPerInstance, nativeThroughput,
  pairedRatio, pipelineThroughput, pluginThroughput,
} from './sections/plugins.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const want = (s) => !onlyArg || onlyArg.includes(s);
const log = (...a) => console.error(...a);

const SIZES = quick
  ? { cold: 3, call: 50, cross: 30, crossWarmup: 30, textBytes: 200e3, runs: 1, nativeRuns: 2, peerDocs: 20, corpusDocs: 10, pdfPages: 3, docxPages: 3, batch: 30, e2eRuns: 1 }
  : { cold: 30, call: 3000, cross: 1000, crossWarmup: 4000, textBytes: 10e6, runs: 3, nativeRuns: 5, peerDocs: 300, corpusDocs: Infinity, pdfPages: 20, docxPages: 50, batch: 1000, e2eRuns: 3 };

const results = {
  date: new Date().toISOString(), quick, machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadBefore: os.loadavg() },
  sizes: SIZES, sections: {}, errors: [],
};
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sigilo-bench-'));

async function section(name, fn) {
  const t = performance.now();
  log(`— ${name}…`);
  try {
    results.sections[name] = await fn();
  } catch (err) {
    log(`  FAILED: ${err.stack ?? err}`);
    results.errors.push(`${name}: ${err.message ?? err}`);
  }
  log(`  (${((performance.now() - t) / 1000).toFixed(1)} s)`);
}

const lib = await loadLib();
const ids = lib.listPluginFolders ? (await lib.listPluginFolders(distPlugins)).map((d) => path.basename(d)) : [];
if (!ids.includes('br-identifiers')) throw new Error(`dist/plugins/br-identifiers missing: run npm run build first`);
const plugins = await loadPlugins(lib, ids);
const br = plugins.find((p) => p.manifest.id === 'br-identifiers');
log(`plugins: ${plugins.map((p) => p.key).join(', ')}`);

const docs = clinicalDocuments(SIZES.textBytes).map((d) => d.text);
const bigText = docs.join('\n\n');
const text1k = bigText.slice(0, 1024);
// the analysis service gives plugins a long text in overlapping chunks (their linear memory is capped)
const chunks = lib.chunkText(bigText).map((c) => bigText.slice(c.start, c.end));
const chunk1 = chunks[0];
log(`text: ${docs.length} generated documents, ${(Buffer.byteLength(bigText) / 1e6).toFixed(1)} MB, ${chunks.length} chunks of ≤ ${lib.DEFAULT_CHUNKING.chunkChars} characters`);

let client;
try {
  if (want('plugins')) {
    await section('coldStart', async () => ({ [br.key]: await coldStart(lib, br, SIZES.cold, text1k) }));
    await section('inProcessCall', async () => inProcessCall(lib, br, text1k, SIZES.call));
    await section('throughput', async () => {
      const out = {};
      for (const p of plugins) {
        out[p.key] = await pluginThroughput(lib, p, chunks, p === br ? SIZES.nativeRuns : SIZES.runs);
        log(`  ${p.key}: ${out[p.key].error ?? `${fmt(out[p.key].mbps.p50)} MB/s`}`);
      }
      return out;
    });
    await section('native', async () => {
      const r = nativeThroughput(lib, chunks, SIZES.nativeRuns);
      // the ratio only means something if both did the same work
      const wasmFindings = results.sections.throughput?.[br.key]?.findings;
      if (wasmFindings !== undefined && wasmFindings !== r.findings) throw new Error(`native found ${r.findings} identifiers, the plugin ${wasmFindings}: port the plugin's rule changes to bench/native/br-identifiers.ts`);
      return { ...r, ratio: await pairedRatio(lib, br, chunks, SIZES.nativeRuns) };
    });
    await section('memory', async () => {
      const out = {};
      for (const p of plugins) out[p.key] = await memoryPerInstance(lib, p, text1k, chunk1);
      return out;
    });
  }
  if (want('plugins') || want('peer')) {
    const hostStarts = [];
    for (let r = 0; r < (quick ? 1 : 3); r++) {
      await client?.close();
      const t = performance.now();
      client = await lib.PluginHostClient.start({ plugins: plugins.map((p) => ({ dir: p.dir, grants: [] })), onStderr: () => {} });
      hostStarts.push(performance.now() - t);
    }
    results.sections.hostStart = summary(hostStarts);
    const hostBefore = rssKb(client.hostPid);
    await section('crossProcessCall', async () => crossProcessCall(client, 'br-identifiers', text1k, SIZES.cross, SIZES.crossWarmup));
    await section('pipeline', async () => {
      await hostThroughput(client, docs.slice(0, 50)); // warm-up
      const longText = await pipelineThroughput(lib, client, bigText, SIZES.runs);
      const asDocuments = await hostThroughput(client, docs);
      return { longText, asDocuments, hostRssMb: rssKb(client.hostPid) / 1024, hostRssBeforeMb: hostBefore / 1024 };
    });
  }
  if (want('peer')) {
    await section('peer', async () => {
      const sample = docs.slice(0, SIZES.peerDocs);
      const or = [];
      for (let r = 0; r < 3; r++) or.push(await openRedactionDocsPerSec(sample));
      const ours = [];
      for (let r = 0; r < 3; r++) ours.push((await hostThroughput(client, sample)).docsPerSec);
      const corpus = loadCorpus().slice(0, SIZES.corpusDocs);
      const f1 = await corpusF1(corpus, client, tmp, quick);
      return { openRedactionDocsPerSec: summary(or), sigiloDocsPerSec: summary(ours), f1 };
    });
  }
  await client?.close();
  client = undefined;

  if (want('e2e')) {
    await section('e2e', async () => {
      const dataDir = path.join(tmp, 'data');
      const dir = path.join(tmp, 'e2e');
      const files = [
        { key: 'pdf20', name: `texto-${SIZES.pdfPages}p.pdf`, bytes: await textPdf(docs.slice(0, 60), SIZES.pdfPages) },
        { key: 'scan', name: 'digitalizado-a4-300dpi.pdf', bytes: await scannedPdf(docs.slice(0, 3).join('\n')) },
        { key: 'docx50', name: `documento-${SIZES.docxPages}p.docx`, bytes: await docx(docs.slice(0, 120), SIZES.docxPages) },
      ];
      writeFiles(dir, files);
      const out = {};
      for (const f of files) {
        const walls = [], durations = [], peaks = [];
        for (let r = 0; r < SIZES.e2eRuns; r++) {
          const res = await runCli([path.join(dir, f.name)], dataDir);
          const rep = res.reports[0];
          if (!rep || rep.status !== 'ok') throw new Error(`${f.name}: ${JSON.stringify(rep?.error ?? res.stderr.slice(-500))}`);
          walls.push(res.seconds);
          durations.push(rep.durationMs);
          peaks.push(res.peakMb);
          out[f.key] = { pages: rep.pages, method: rep.extraction?.method, chars: rep.extraction?.chars, findings: rep.findings.length };
        }
        Object.assign(out[f.key], { cliSeconds: summary(walls), documentMs: summary(durations), peakMb: summary(peaks) });
        log(`  ${f.name}: document ${fmt(out[f.key].documentMs.p50, 0)} ms, CLI ${fmt(out[f.key].cliSeconds.p50, 2)} s, peak ${fmt(out[f.key].peakMb.p50, 0)} MB`);
      }
      const batchDir = writeFiles(path.join(tmp, 'batch'), await mixedBatch(docs, SIZES.batch));
      const res = await runCli([batchDir], dataDir);
      const ok = res.reports.filter((r) => r.status === 'ok').length;
      if (ok !== SIZES.batch) throw new Error(`batch: ${ok}/${SIZES.batch} analysed (exit ${res.code})`);
      out.batch = { documents: SIZES.batch, seconds: res.seconds, docsPerSec: SIZES.batch / res.seconds, peakMb: res.peakMb, cores: os.availableParallelism() };
      log(`  batch of ${SIZES.batch}: ${fmt(res.seconds, 1)} s, ${fmt(out.batch.docsPerSec, 0)} docs/s, peak ${fmt(res.peakMb, 0)} MB`);
      return out;
    });
  }
} finally {
  await client?.close();
  rmSync(tmp, { recursive: true, force: true });
}
results.machine.loadAfter = os.loadavg();

// ---------------------------------------------------------------- table
const S = results.sections;
const brKey = br.key;
const rows = [];
const row = (label, value, lo, hi, unit, target, better, digits = 1) =>
  rows.push({ label, value, lo, hi, unit, target, better, valueText: Number.isFinite(value) ? `${fmt(value, digits)} ${unit}` : '—', digits });
const cold = S.coldStart?.[brKey];
row('cold start, module cache, p50', cold?.withCache.p50, cold?.withCache.p25, cold?.withCache.p75, 'ms', 15, 'lower', 2);
row('cold start, module cache, p95', cold?.withCache.p95, NaN, NaN, 'ms', undefined, 'lower', 2);
row('cold start, no cache (compile), p50', cold?.withoutCache.p50, cold?.withoutCache.p25, cold?.withoutCache.p75, 'ms', undefined, 'lower', 2);
row('cold start, no cache (compile), p95', cold?.withoutCache.p95, NaN, NaN, 'ms', undefined, 'lower', 2);
row('no cache + first 1 KB call (lazy compile), p50', cold?.uncachedWithFirstCall.p50, cold?.uncachedWithFirstCall.p25, cold?.uncachedWithFirstCall.p75, 'ms', undefined, 'lower', 2);
row(`plugin host start (process, ${os.availableParallelism()} workers, ${plugins.length} plugins)`, S.hostStart?.p50, S.hostStart?.min, S.hostStart?.max, 'ms', undefined, 'lower', 0);
row('1 KB call, in-process, p50', S.inProcessCall?.us.p50, S.inProcessCall?.us.p25, S.inProcessCall?.us.p75, 'µs', 10, 'lower', 0);
row('  of which: empty call (Extism + ABI floor)', S.inProcessCall?.emptyUs.p50, S.inProcessCall?.emptyUs.p25, S.inProcessCall?.emptyUs.p75, 'µs', undefined, 'lower', 0);
row('  same 1 KB, native detection only', S.inProcessCall?.nativeUs.p50, S.inProcessCall?.nativeUs.p25, S.inProcessCall?.nativeUs.p75, 'µs', undefined, 'lower', 0);
row('1 KB call, across processes, p50', S.crossProcessCall?.us.p50, S.crossProcessCall?.us.p25, S.crossProcessCall?.us.p75, 'µs', 250, 'lower', 0);
row('  floor: bare echo over the same two hops', S.crossProcessCall?.floorUs.p50, S.crossProcessCall?.floorUs.p25, S.crossProcessCall?.floorUs.p75, 'µs', undefined, 'lower', 0);
for (const p of plugins) {
  const t = S.throughput?.[p.key];
  row(`${p.manifest.id} throughput`, t?.mbps?.p50, t?.mbps?.min, t?.mbps?.max, 'MB/s', p === br ? 100 : undefined, 'higher');
}
row('native br-identifiers (TypeScript)', S.native?.mbps.p50, S.native?.mbps.min, S.native?.mbps.max, 'MB/s', undefined, 'higher');
row('br-identifiers wasm ÷ native (paired runs)', S.native?.ratio.p50, S.native?.ratio.min, S.native?.ratio.max, '×', 0.95, 'higher', 2);
row(`all plugins, one ${fmt(Buffer.byteLength(bigText) / 1e6, 1)} MB text (chunked, host)`, S.pipeline?.longText.mbps.p50, S.pipeline?.longText.mbps.min, S.pipeline?.longText.mbps.max, 'MB/s', 20, 'higher');
row(`all plugins, ${docs.length} separate documents`, S.pipeline?.asDocuments.mbps, NaN, NaN, 'MB/s', undefined, 'higher');
row('documents/s: Sigilo (all plugins)', S.peer?.sigiloDocsPerSec.p50, S.peer?.sigiloDocsPerSec.min, S.peer?.sigiloDocsPerSec.max, 'docs/s', undefined, 'higher', 0);
row('documents/s: OpenRedaction', S.peer?.openRedactionDocsPerSec.p50, S.peer?.openRedactionDocsPerSec.min, S.peer?.openRedactionDocsPerSec.max, 'docs/s', undefined, 'higher', 0);
row('Sigilo ÷ OpenRedaction documents/s', S.peer?.sigiloDocsPerSec.p50 / S.peer?.openRedactionDocsPerSec.p50, NaN, NaN, '×', 10, 'higher', 1);
row('F1 (dev corpus texts): Sigilo plugins', S.peer?.f1.sigilo.f1, NaN, NaN, '', undefined, 'higher', 3);
row('F1 (dev corpus texts): OpenRedaction', S.peer?.f1.openRedaction.f1, NaN, NaN, '', undefined, 'higher', 3);
const e = S.e2e;
row(`${SIZES.pdfPages}-page text PDF (in pipeline)`, e?.pdf20?.documentMs.p50, e?.pdf20?.documentMs.min, e?.pdf20?.documentMs.max, 'ms', undefined, 'lower', 0);
row('scanned A4 page, 300 dpi (OCR)', e?.scan?.documentMs.p50, e?.scan?.documentMs.min, e?.scan?.documentMs.max, 'ms', undefined, 'lower', 0);
row(`${SIZES.docxPages}-page DOCX (in pipeline)`, e?.docx50?.documentMs.p50, e?.docx50?.documentMs.min, e?.docx50?.documentMs.max, 'ms', undefined, 'lower', 0);
row(`${SIZES.batch} mixed documents, CLI wall time`, e?.batch?.seconds, NaN, NaN, 's', quick ? undefined : 20, 'lower', 1);
row(`${SIZES.batch} mixed documents`, e?.batch?.docsPerSec, NaN, NaN, 'docs/s', undefined, 'higher', 0);
row('peak RSS, batch (CLI + children)', e?.batch?.peakMb, NaN, NaN, 'MB', undefined, 'lower', 0);
const mem = S.memory?.[brKey];
row('br-identifiers linear memory, fresh', mem?.linearFresh / 2 ** 20, NaN, NaN, 'MiB', 2.44, 'lower', 2);
row('br-identifiers linear memory after 1 KB call', mem?.linearAfter1k / 2 ** 20, NaN, NaN, 'MiB', 2.44, 'lower', 2);
row('br-identifiers linear memory after a 50k-char chunk', mem?.linearAfter1m / 2 ** 20, NaN, NaN, 'MiB', 2.44, 'lower', 2);
const maxLinear = Math.max(...Object.values(S.memory ?? {}).map((m) => m.linearAfter1m));
row('largest linear memory of any plugin (after a chunk)', maxLinear / 2 ** 20, NaN, NaN, 'MiB', 2.44, 'lower', 2);
row('br-identifiers RSS growth per instance', mem?.rssGrowthPerInstance / 2 ** 20, NaN, NaN, 'MiB', undefined, 'lower', 2);

const status = (r) => {
  if (r.target === undefined) return '';
  if (!Number.isFinite(r.value)) return 'n/a';
  return (r.better === 'higher' ? r.value >= r.target : r.value <= r.target) ? 'met' : 'MISSED';
};
const spread = (r) => (Number.isFinite(r.lo) && Number.isFinite(r.hi) ? `${fmt(r.lo, r.digits)}–${fmt(r.hi, r.digits)}` : '');
const lines = [
  '| measure | median | spread | target | |',
  '|---|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r.label} | ${r.valueText} | ${spread(r)} | ${r.target === undefined ? '' : `${r.better === 'higher' ? '≥' : '≤'} ${r.target} ${r.unit}`} | ${status(r)} |`),
];
results.table = rows.map(({ label, value, lo, hi, unit, target, better }) => ({ label, value, lo, hi, unit, target, better, status: status({ value, target, better }) }));
console.log(lines.join('\n'));
if (results.errors.length > 0) console.log(`\nERRORS:\n${results.errors.map((x) => `- ${x}`).join('\n')}`);
const load = `load ${results.machine.loadBefore.map((x) => x.toFixed(1)).join('/')} → ${results.machine.loadAfter.map((x) => x.toFixed(1)).join('/')}`;
writeFileSync(path.join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2));
const charted = rows.filter((r) => r.target !== undefined);
writeFileSync(path.join(root, 'bench', 'results.svg'), chartSvg(charted, `Sigilo benchmarks${quick ? ' (quick)' : ''} — against targets`,
  `${results.date.slice(0, 16).replace('T', ' ')} UTC, ${results.machine.cpus} cores (${results.machine.model}), Node ${process.version}, ${load}; bar = median, whisker = spread`));
log(`wrote bench/results.json and bench/results.svg (${load})`);
if (args.includes('--update-doc')) {
  // BENCHMARKS.md: replace the generated block; BENCHMARKS.svg: the chart of this run
  const doc = path.join(root, 'BENCHMARKS.md');
  const md = readFileSync(doc, 'utf8');
  const start = '<!-- bench:results:start -->', end = '<!-- bench:results:end -->';
  const i = md.indexOf(start), j = md.indexOf(end);
  if (i < 0 || j < i) throw new Error('BENCHMARKS.md has no bench:results markers');
  const header = `Run: ${results.date.slice(0, 16).replace('T', ' ')} UTC, \`node bench/run.mjs${quick ? ' --quick' : ''}\`, ${results.machine.cpus} cores (${results.machine.model}, ${results.machine.memGb} GB), Node ${process.version}; ${load} (1/5/15-minute averages before → after).`;
  writeFileSync(doc, `${md.slice(0, i + start.length)}\n${header}\n\n${lines.join('\n')}\n${md.slice(j)}`);
  copyFileSync(path.join(root, 'bench', 'results.svg'), path.join(root, 'BENCHMARKS.svg'));
  log('updated BENCHMARKS.md and BENCHMARKS.svg');
}
process.exitCode = results.errors.length > 0 ? 1 : 0;
