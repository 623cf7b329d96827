import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ocrFailure, readImage, type OcrEngine } from './ocr/index.ts';
import type { DocumentClassification } from '../classify-extraction.ts';
import type { FromWorker, ToWorker } from './sandbox-worker.ts';
import { DEFAULT_LIMITS, ExtractionError, type Extraction, type ExtractionLimits } from './types.ts';

/**
 * Extraction where a parser that hangs or crashes cannot take the process down: worker threads (one per core,
 * started on first need, reused), a time budget per document (the worker is killed and replaced when it
 * overruns) and a heap cap per worker. Idle workers are unref'd, so a finished CLI exits without closing them.
 */
export interface Sandbox {
  extract(bytes: Uint8Array, name: string, limits?: ExtractionLimits): Promise<Extraction>;
  /** Extracts and classifies in the worker: the text stays there, the masked classification comes back. */
  classify(bytes: Uint8Array, name: string, limits?: ExtractionLimits): Promise<DocumentClassification>;
  close(): Promise<void>;
}

export interface SandboxOptions {
  /** Workers at most; one per core by default. */
  size?: number;
  /** Time budget per document, counted once its worker has started. */
  timeoutMs?: number;
  /** V8 heap per worker; a document that needs more is `too large`. */
  maxMemoryMb?: number;
  /** Module whose `extract` runs in the worker: the registry's; tests name one with a parser that hangs. */
  module?: URL;
  /** Answers the workers' OCR requests: the main thread's pool by default. */
  ocr?: OcrEngine;
}

export const DEFAULT_TIMEOUT_MS = 180_000;
export const DEFAULT_MAX_MEMORY_MB = 1536;
/** Starting a worker (tsx, the registry) takes about half a second; this much only when something is wrong. */
const START_TIMEOUT_MS = 60_000;
const ENTRY = new URL('./sandbox-entry.js', import.meta.url);
const REGISTRY = new URL('./registry.ts', import.meta.url);

interface Job {
  id: number;
  resolve: (result: Extraction | DocumentClassification) => void;
  reject: (error: Error) => void;
  /** Aborted when the job ends, so OCR still queued for it is dropped. */
  done: AbortController;
}

interface Slot {
  worker: Worker;
  job?: Job;
  alive: boolean;
  /** Resolves when the worker has loaded its module; rejects if it dies first. */
  ready: Promise<void>;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const size = Math.max(1, options.size ?? availableParallelism());
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxMemoryMb = options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  const ocr: OcrEngine = options.ocr ?? { readImage };
  const idle: Slot[] = [];
  const all = new Set<Slot>();
  const waiting: { resolve: (slot: Slot) => void; reject: (error: Error) => void }[] = [];
  let closing = false;
  let nextJob = 0;

  function finish(slot: Slot, outcome: { result?: Extraction | DocumentClassification; error?: Error }): void {
    const job = slot.job;
    if (!job) return;
    slot.job = undefined;
    job.done.abort();
    if (outcome.error) job.reject(outcome.error);
    else job.resolve(outcome.result!);
    if (slot.alive) release(slot);
  }

  function spawn(): Slot {
    const worker = new Worker(ENTRY, {
      workerData: { module: (options.module ?? REGISTRY).href },
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
      // The entry silences the worker's console (see sandbox-entry.js).
    });
    let started = () => {};
    let failed: (error: Error) => void = () => {};
    const ready = new Promise<void>((resolve, reject) => ((started = resolve), (failed = reject)));
    ready.catch(() => {});
    const slot: Slot = { worker, alive: true, ready };
    all.add(slot);
    worker.on('error', (error) => failed(error));
    worker.on('exit', () => failed(new ExtractionError('corrupt: the extractor could not start')));
    worker.on('message', (message: FromWorker) => {
      const job = slot.job;
      if (message.type === 'ready') started();
      else if (message.type === 'ocr') {
        if (!job) return;
        const reply = (m: ToWorker) => slot.alive && worker.postMessage(m);
        ocr.readImage(message.image, job.done.signal).then(
          (page) => reply({ type: 'ocr-done', id: message.id, page }),
          (error: unknown) => reply({ type: 'ocr-done', id: message.id, error: ocrFailure(error).reason }),
        );
      } else if (job && message.id === job.id) {
        if (message.type === 'done') finish(slot, { result: message.classification ?? message.extraction });
        else finish(slot, { error: message.reason !== undefined ? new ExtractionError(message.reason) : named(message.errorName) });
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const reason = error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `too large: extraction needed more than ${maxMemoryMb} MB`
        : 'corrupt: the extractor crashed on this file';
      end(slot, new ExtractionError(reason));
    });
    worker.on('exit', () => end(slot, new ExtractionError('corrupt: the extractor stopped on this file')));
    return slot;
  }

  /** A worker that died or was killed: its job fails with `error`, a waiting document gets a fresh worker. */
  function end(slot: Slot, error: Error): void {
    if (!slot.alive) return;
    slot.alive = false;
    all.delete(slot);
    const at = idle.indexOf(slot);
    if (at >= 0) idle.splice(at, 1);
    finish(slot, { error });
    const next = closing ? undefined : waiting.shift();
    if (next) next.resolve(spawn());
  }

  function acquire(): Promise<Slot> {
    const slot = idle.pop();
    if (slot) return Promise.resolve(slot);
    if (all.size < size) return Promise.resolve(spawn());
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  }

  function release(slot: Slot): void {
    const next = waiting.shift();
    if (next) return next.resolve(slot);
    slot.worker.unref();
    idle.push(slot);
  }

  /** One document through a worker: extracted, and classified there too when `classify` is set. */
  async function run(bytes: Uint8Array, name: string, limits: ExtractionLimits, classify: boolean) {
    const slot = await acquire();
    slot.worker.ref();
    try {
      await withTimeout(slot.ready, START_TIMEOUT_MS);
    } catch (error) {
      end(slot, error as Error);
      void slot.worker.terminate();
      throw error instanceof ExtractionError ? error : new ExtractionError('corrupt: the extractor could not start');
    }
    const job: Job = { id: nextJob++, resolve: () => {}, reject: () => {}, done: new AbortController() };
    const result = new Promise<Extraction | DocumentClassification>((resolve, reject) => Object.assign(job, { resolve, reject }));
    slot.job = job;
    const timer = setTimeout(() => {
      end(slot, new ExtractionError(`timeout: extraction took longer than ${+(timeoutMs / 1000).toFixed(1)} s`));
      void slot.worker.terminate();
    }, timeoutMs);
    slot.worker.postMessage({ type: 'extract', id: job.id, bytes, name, limits, classify } satisfies ToWorker);
    try {
      return await result;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async extract(bytes, name, limits = DEFAULT_LIMITS) {
      return (await run(bytes, name, limits, false)) as Extraction;
    },
    async classify(bytes, name, limits = DEFAULT_LIMITS) {
      return (await run(bytes, name, limits, true)) as DocumentClassification;
    },
    async close() {
      closing = true;
      for (const w of waiting.splice(0)) w.reject(new ExtractionError('timeout: extraction was stopped'));
      const slots = [...all];
      for (const slot of slots) end(slot, new ExtractionError('timeout: extraction was stopped'));
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
      closing = false;
    },
  };
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExtractionError('timeout: the extraction worker did not start')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function named(name: string): Error {
  const error = new Error('extraction failed');
  error.name = name;
  return error;
}

let shared: Sandbox | undefined;
/** The process's sandbox, created on first use with the default options. */
export function defaultSandbox(): Sandbox {
  return (shared ??= createSandbox());
}

/** Ends the default sandbox's workers (a later call to `defaultSandbox()` starts a new one). */
export async function closeDefaultSandbox(): Promise<void> {
  const current = shared;
  shared = undefined;
  await current?.close();
}
