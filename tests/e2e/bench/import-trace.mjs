// Where the import's long tasks come from (issue 11): one import of a folder and a reload that
// reopens it, under Chrome's tracing, then every main-thread task over 50 ms (and the five heaviest by CPU) with its wall time
// and the main thread's own CPU time in it (trace `tdur`). On a shared, busy machine most "long
// tasks" are the thread waiting (preempted, or blocked on the browser process: handing a File to
// a worker asks the browser for its size and date), which the CPU time shows; the benchmark's
// PerformanceObserver (import-bench.mjs) cannot tell the two apart. With a build whose app wasm
// keeps its names (target/wasm-bindgen/release/parallax-app_bg.wasm copied over dist's, the
// `integrity` attributes removed from index.html), `--stacks` adds each task's most sampled stacks.
//
// Usage: PARALLAX_DIST=<build> node tests/e2e/bench/import-trace.mjs <folder of pages> [--stacks]
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch } from '../harness.mjs';

const FOLDER = process.argv[2];
const STACKS = process.argv.includes('--stacks');
if (!FOLDER) {
  console.error('usage: node tests/e2e/bench/import-trace.mjs <folder of pages> [--stacks]');
  process.exit(2);
}
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute']
  .concat(STACKS ? ['disabled-by-default-v8.cpu_profiler'] : []);

/** Main-thread tasks over 50 ms (wall) of a trace file, with CPU time and (optionally) stacks. */
async function report(name, file) {
  const events = JSON.parse(await readFile(file, 'utf8')).traceEvents;
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`));
  const long = tasks.filter((t) => t.dur > 50_000);
  const cpu = tasks.reduce((s, t) => s + (t.tdur ?? 0), 0) / 1000;
  console.log(`\n## ${name}: ${long.length} main-thread tasks over 50 ms, ${long.filter((t) => t.tdur > 50_000).length} of them over 50 ms of CPU; main-thread CPU ${cpu.toFixed(0)} ms in all`);
  const samples = STACKS ? profileSamples(events) : [];
  // The tasks that used the most CPU, whatever their wall time: on a busy machine these are the
  // ones that become long tasks when the thread is preempted in them.
  const heaviest = [...tasks].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, 5);
  console.log(`heaviest by CPU: ${heaviest.map((t) => `${((t.tdur ?? 0) / 1000).toFixed(0)} ms (${(t.dur / 1000).toFixed(0)} wall)`).join(', ')}`);
  for (const t of [...long, ...heaviest.filter((t) => !long.includes(t))]) {
    const inside = events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts < t.ts + t.dur && e.dur > 3000 && e.name !== 'RunTask');
    const what = inside.map((e) => `${e.name}${e.args?.data?.type ? `[${e.args.data.type}]` : ''} ${(e.dur / 1000).toFixed(0)}`).slice(0, 6).join(', ');
    console.log(`- ${(t.dur / 1000).toFixed(0)} ms wall, ${((t.tdur ?? 0) / 1000).toFixed(0)} ms CPU: ${what}`);
    const counts = new Map();
    for (const s of samples) {
      if (s.pid !== t.pid || s.tid !== t.tid || s.ts < t.ts || s.ts >= t.ts + t.dur) continue;
      counts.set(s.stack, (counts.get(s.stack) ?? 0) + 1);
    }
    for (const [stack, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3)) console.log(`    ${n} × ${stack}`);
  }
}

/** The CPU profile's samples: time, thread and the innermost five frames. */
function profileSamples(events) {
  const profiles = new Map();
  for (const e of events) {
    if (e.name !== 'Profile' && e.name !== 'ProfileChunk') continue;
    const key = `${e.pid}:${e.id}`;
    if (!profiles.has(key)) profiles.set(key, { pid: e.pid, nodes: new Map(), ids: [], deltas: [] });
    const p = profiles.get(key);
    if (e.name === 'Profile') {
      p.start = e.args.data.startTime;
      p.tid = e.tid;
      continue;
    }
    for (const n of e.args.data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    p.ids.push(...(e.args.data.cpuProfile?.samples ?? []));
    p.deltas.push(...(e.args.data.timeDeltas ?? []));
  }
  const out = [];
  for (const p of profiles.values()) {
    let ts = p.start;
    p.ids.forEach((id, i) => {
      ts += p.deltas[i];
      const frames = [];
      for (let n = p.nodes.get(id); n && frames.length < 5; n = p.nodes.get(n.parent)) {
        frames.push((n.callFrame.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}$/, ''));
      }
      out.push({ pid: p.pid, tid: p.tid, ts, stack: frames.join(' < ') });
    });
  }
  return out;
}

const server = await serve();
const browser = await launch();
const importTrace = join(tmpdir(), `parallax-import-trace-${process.pid}.json`);
const reopenTrace = join(tmpdir(), `parallax-reopen-trace-${process.pid}.json`);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');
  await page.waitForTimeout(500);
  await browser.startTracing(page, { path: importTrace, categories: CATEGORIES });
  await page.locator('#import-folder').setInputFiles(FOLDER);
  await page.waitForSelector('.collection.current:not(:first-child)', { timeout: 600_000 });
  await page.waitForSelector('#app .article-card');
  await page.waitForTimeout(1500);
  await browser.stopTracing();
  await browser.startTracing(page, { path: reopenTrace, categories: CATEGORIES });
  await page.reload();
  await page.waitForSelector('.collection.current:not(:first-child)');
  await page.waitForSelector('#app .article-card');
  await page.waitForTimeout(1500);
  await browser.stopTracing();
  await report('import (from setInputFiles to the collection shown)', importTrace);
  await report('reopening it (a reload)', reopenTrace);
} finally {
  await browser.close();
  await server.close();
  await rm(importTrace, { force: true });
  await rm(reopenTrace, { force: true });
}
