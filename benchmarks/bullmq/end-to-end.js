'use strict';
// BullMQ counterpart of dev.celerity.benchmarks.EndToEndBenchmark: the same phases in the same order and the same
// printed lines, so that the two can be read side by side on the same Redis.
//
// Enqueues no-op jobs and runs them to completion with their results kept (BullMQ's default: completed jobs stay,
// with their return value), and prints enqueue rates (one awaited queue.add at a time, and queue.addBulk in batches
// of 1000), end-to-end throughput with the queue prefilled, pickup latency at a fixed rate (enqueue to processor
// start), and Redis commands per job (deltas of INFO commandstats, which counts the commands inside scripts too).
//
// Usage: node end-to-end.js [jobs] [redis-url]
// Environment: BENCH_CONCURRENCY (the Worker's concurrency; BullMQ's default, 1, when unset), BENCH_PICKUP_RATE (jobs
// per second of the pickup phase, 100), BENCH_PICKUP_COUNT (jobs of the pickup phase, 10 seconds' worth),
// BENCH_COMMANDS=1 (also print which commands a job costs).

const { Queue, Worker } = require('bullmq');
const IORedis = require('ioredis');
const { performance } = require('node:perf_hooks');
const { randomUUID } = require('node:crypto');

const QUEUE = 'bench';
const BATCH = 1000;

const jobs = Number(process.argv[2] || 50000);
const url = new URL(process.argv[3] || 'redis://127.0.0.1:6379');
const connection = { host: url.hostname, port: Number(url.port || 6379) };
const prefix = 'bullmq-bench-' + randomUUID().substring(0, 8);
const concurrency = process.env.BENCH_CONCURRENCY ? Number(process.env.BENCH_CONCURRENCY) : undefined;
const pickupRate = Number(process.env.BENCH_PICKUP_RATE || 100);
const pickupCount = Number(process.env.BENCH_PICKUP_COUNT || pickupRate * 10);

// counts completed jobs and records pickup latencies; whoever awaits a condition is woken by the event that meets it
const probe = {
  succeeded: 0,
  pickupMs: [],
  waiter: null,
  notify() {
    if (this.waiter !== null && this.waiter.condition()) {
      this.waiter.resolve();
    }
  },
};

// the no-op processor: returns its input, which BullMQ keeps as the job's return value
async function processor(job) {
  if (job.name === 'bench.pickup') {
    probe.pickupMs.push(performance.now() - job.data);
    probe.notify();
  }
  return job.data;
}

class Benchmark {
  constructor() {
    this.queue = new Queue(QUEUE, { connection, prefix });
    this.stats = new IORedis(connection);
    this.worker = null;
  }

  async run() {
    // warm-up: both paths, so that V8 has compiled them
    await this.sendOneByOne(5000);
    await this.drain(5000);
    await this.stopWorker();
    await this.publishBatched(5000);
    await this.drain(10000);

    await this.stopWorker();
    let before = await this.commandStats();
    const singleRate = await rate(jobs, () => this.sendOneByOne(jobs));
    const done = probe.succeeded;
    const e2eSingle = await rate(jobs, () => this.drain(done + jobs));
    const commandsSingle = await this.commandsPerJob(before, jobs);

    await this.stopWorker();
    before = await this.commandStats();
    const batchRate = await rate(jobs, () => this.publishBatched(jobs));
    const doneBatch = probe.succeeded;
    const e2eBatch = await rate(jobs, () => this.drain(doneBatch + jobs));
    const commandsBatch = await this.commandsPerJob(before, jobs);

    const latency = await this.pickupLatency(pickupRate, pickupCount);

    const c = concurrency === undefined ? 'default (1)' : String(concurrency);
    console.log(`\nBullMQ end-to-end benchmark, redis broker, ${jobs} no-op jobs, results kept, concurrency ${c}`);
    console.log(`enqueue, one call at a time : ${count(singleRate)} tasks/s`);
    console.log(`enqueue, batch (addBulk)    : ${count(batchRate)} tasks/s`);
    console.log(`end to end, queue prefilled : ${count(e2eSingle)} tasks/s (single-enqueued), `
      + `${count(e2eBatch).trim()} tasks/s (batch-enqueued)`);
    console.log(`${`pickup latency at ${pickupRate}/s`.padEnd(28)}: p50 ${latency[0].toFixed(2)} ms, `
      + `p99 ${latency[1].toFixed(2)} ms, max ${latency[2].toFixed(2)} ms`);
    console.log(`Redis commands per task     : ${commandsSingle.toFixed(2)} (single enqueue + run + result), `
      + `${commandsBatch.toFixed(2)} (batch enqueue + run + result)`);
  }

  async sendOneByOne(n) {
    for (let i = 0; i < n; i++) {
      await this.queue.add('bench.noop', i);
    }
  }

  async publishBatched(n) {
    let batch = [];
    for (let i = 0; i < n; i++) {
      batch.push({ name: 'bench.noop', data: i });
      if (batch.length === BATCH || i === n - 1) {
        await this.queue.addBulk(batch);
        batch = [];
      }
    }
  }

  // starts a worker unless one runs, and waits until the target number of jobs completed (moved to completed with
  // their return value in Redis)
  async drain(target) {
    if (this.worker === null) {
      const options = { connection, prefix };
      if (concurrency !== undefined) {
        options.concurrency = concurrency;
      }
      this.worker = new Worker(QUEUE, processor, options);
      this.worker.on('completed', () => {
        probe.succeeded++;
        probe.notify();
      });
      this.worker.on('failed', (job, err) => console.error(`job ${job && job.id} failed: ${err}`));
    }
    await awaitCondition(() => probe.succeeded >= target);
  }

  async stopWorker() {
    if (this.worker !== null) {
      await this.worker.close();
      this.worker = null;
    }
  }

  async pickupLatency(perSecond, n) {
    probe.pickupMs.length = 0;
    const interval = 1000 / perSecond;
    let next = performance.now();
    for (let i = 0; i < n; i++) {
      const wait = next - performance.now();
      if (wait > 0) {
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      await this.queue.add('bench.pickup', performance.now());
      next += interval;
    }
    await awaitCondition(() => probe.pickupMs.length >= n);
    const sorted = [...probe.pickupMs].sort((a, b) => a - b);
    return [sorted[Math.floor(sorted.length / 2)], sorted[Math.floor(sorted.length * 0.99)], sorted[sorted.length - 1]];
  }

  async commandsPerJob(before, n) {
    const after = await this.commandStats();
    let total = 0;
    const breakdown = [];
    for (const name of [...after.keys()].sort()) {
      const calls = after.get(name) - (before.get(name) || 0);
      if (name !== 'info' && calls > 0) {
        total += calls;
        breakdown.push(`${name}=${(calls / n).toFixed(2)}`);
      }
    }
    if (process.env.BENCH_COMMANDS === '1') {
      console.log('commands per task: ' + breakdown.join(' '));
    }
    return total / n;
  }

  async commandStats() {
    const calls = new Map();
    const info = await this.stats.info('commandstats');
    for (const line of info.split('\n')) {
      const match = /^cmdstat_([^:]+):calls=(\d+)/.exec(line.trim());
      if (match) {
        calls.set(match[1], Number(match[2]));
      }
    }
    return calls;
  }

  async cleanUp() {
    await this.stopWorker();
    await this.queue.close();
    try {
      let cursor = '0';
      do {
        const [nextCursor, keys] = await this.stats.scan(cursor, 'MATCH', prefix + ':*', 'COUNT', 1000);
        cursor = nextCursor;
        if (keys.length > 0) {
          await this.stats.del(...keys);
        }
      } while (cursor !== '0');
    }
    catch (err) {
      console.error(`Could not delete the benchmark keys ${prefix}:*: ${err}`);
    }
    await this.stats.quit();
  }
}

async function rate(n, work) {
  const start = process.hrtime.bigint();
  await work();
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function awaitCondition(condition) {
  if (condition()) {
    return;
  }
  let timer;
  try {
    await new Promise((resolve, reject) => {
      probe.waiter = { condition, resolve };
      timer = setTimeout(() => reject(new Error('Benchmark did not finish within 5 minutes')), 5 * 60 * 1000);
    });
  }
  finally {
    probe.waiter = null;
    clearTimeout(timer);
  }
}

function count(value) {
  return Math.round(value).toLocaleString('en-US').padStart(10);
}

async function main() {
  const benchmark = new Benchmark();
  try {
    await benchmark.run();
  }
  finally {
    await benchmark.cleanUp();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
