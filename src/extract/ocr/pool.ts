import { availableParallelism } from 'node:os';
import type { Worker as ThreadWorker } from 'node:worker_threads';
import { createWorker, OEM, type Worker as TesseractWorker } from 'tesseract.js';
import { OCR_LANGUAGES, ocrWorkerOptions } from './language-data.ts';

/**
 * Reused tesseract.js workers, one per core, created on first need (starting one costs ~0.5 s and ~100 MB).
 * An idle worker is unref'd so it never keeps a finished CLI alive; `terminate()` ends them all.
 */
export interface OcrPool {
  readonly size: number;
  /**
   * Runs `task` on a free worker; a worker that crashes or overruns `timeoutMs` is ended and replaced. A task whose
   * `signal` aborted while it waited for a worker (its document timed out) is dropped unrun.
   */
  use<T>(task: (worker: TesseractWorker) => Promise<T>, signal?: AbortSignal): Promise<T>;
  terminate(): Promise<void>;
}

interface Slot {
  worker: TesseractWorker;
  thread: ThreadWorker;
  alive: boolean;
  /** Rejects when the thread dies: a job on a dead tesseract.js worker would otherwise wait forever. */
  dead: Promise<never>;
}

const START_TIMEOUT_MS = 60_000;

function withTimeout<T>(promise: Promise<T>, ms: number, message: string, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new Error(message));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createOcrPool(options: { size?: number; timeoutMs?: number } = {}): OcrPool {
  const size = Math.max(1, options.size ?? availableParallelism());
  const timeoutMs = options.timeoutMs ?? 120_000;
  const idle: Slot[] = [];
  const all = new Set<Slot>();
  const waiting: { resolve: (slot: Slot) => void; reject: (error: Error) => void }[] = [];
  let live = 0;

  async function spawn(): Promise<Slot> {
    live++;
    try {
      // tesseract.js never settles createWorker when a model fails to load: bounded here.
      const worker = await withTimeout(
        createWorker(OCR_LANGUAGES, OEM.LSTM_ONLY, ocrWorkerOptions()),
        START_TIMEOUT_MS,
        'OCR engine did not start',
      );
      // tesseract's diagnostics ("Estimating resolution as …") would land on stderr, between a CLI's own lines.
      await worker.setParameters({ debug_file: '/dev/null' });
      const thread = (worker as unknown as { worker: ThreadWorker }).worker;
      let died: (error: Error) => void = () => {};
      const dead = new Promise<never>((_, reject) => (died = reject));
      dead.catch(() => {});
      const slot: Slot = { worker, thread, alive: true, dead };
      const end = (reason: string) => {
        if (!slot.alive) return;
        slot.alive = false;
        all.delete(slot);
        live--;
        died(new Error(reason));
      };
      thread.on('error', (error) => end(`OCR engine failed (${error.name})`));
      thread.on('exit', () => end('OCR engine stopped'));
      all.add(slot);
      return slot;
    } catch (error) {
      live--;
      throw error;
    }
  }

  function acquire(): Promise<Slot> {
    const slot = idle.pop();
    if (slot) return Promise.resolve(slot);
    if (live < size) return spawn();
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  }

  function release(slot: Slot): void {
    const next = waiting.shift();
    if (next) {
      if (slot.alive) next.resolve(slot);
      else spawn().then(next.resolve, next.reject);
      return;
    }
    if (!slot.alive) return;
    slot.thread.unref();
    idle.push(slot);
  }

  return {
    size,
    async use(task, signal) {
      signal?.throwIfAborted();
      const slot = await acquire();
      slot.thread.ref();
      try {
        signal?.throwIfAborted();
        return await withTimeout(Promise.race([task(slot.worker), slot.dead]), timeoutMs, 'OCR took too long', () => {
          void slot.thread.terminate();
        });
      } finally {
        release(slot);
      }
    },
    async terminate() {
      for (const w of waiting.splice(0)) w.reject(new Error('OCR was shut down'));
      idle.length = 0;
      await Promise.all([...all].map((slot) => slot.worker.terminate()));
    },
  };
}
