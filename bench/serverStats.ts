/**
 * Bench-only preload: measures the server's own event loop and memory without touching its code.
 * Keyform runs `node --import ./dist/bench/serverStats.js dist/server/server.js` (this file
 * compiled by bench/lib/buildKeyform.ts), the bare ceiling `node --import tsx --import
 * ./bench/serverStats.ts bench/bareCeiling.ts`. On SIGUSR2 it prints one line,
 * `@@bench-stats {json}`, covering the window since the previous SIGUSR2 (or since start), and
 * starts a new window.
 */
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

/** 1 ms timer: a recorded tick is `resolution + lateness`, so the stall is max − resolution. */
const resolutionMs = 1;
const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
histogram.enable();

// The longest garbage-collection pause in the window, to tell GC stalls from the rest.
let maxGcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) maxGcMs = Math.max(maxGcMs, entry.duration);
}).observe({ entryTypes: ['gc'] });

let peakRss = process.memoryUsage.rss();
let cpuAtStart = process.cpuUsage();
let windowStart = performance.now();
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 50).unref();

process.on('SIGUSR2', () => {
  const rss = process.memoryUsage.rss();
  const cpu = process.cpuUsage(cpuAtStart);
  const windowMs = performance.now() - windowStart;
  const stats = {
    rssBytes: rss,
    peakRssBytes: Math.max(peakRss, rss),
    maxStallMs: Math.max(0, histogram.max / 1e6 - resolutionMs),
    p99StallMs: Math.max(0, histogram.percentile(99) / 1e6 - resolutionMs),
    maxGcMs,
    cpuPercent: ((cpu.user + cpu.system) / 1000 / windowMs) * 100,
    windowMs,
  };
  process.stdout.write(`@@bench-stats ${JSON.stringify(stats)}\n`);
  histogram.reset();
  maxGcMs = 0;
  peakRss = rss;
  cpuAtStart = process.cpuUsage();
  windowStart = performance.now();
});
