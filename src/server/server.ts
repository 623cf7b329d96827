import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Retention } from '../retention/types.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { createApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import type { ServerContext } from './context.ts';
import { startSchedules } from './scheduler.ts';
import { createFolderLauncher, createScanJobs, type ScanLauncher } from './scans/index.ts';
import { createReviewLearning, createTypeTrainer } from './training/index.ts';
import { classifyDocument } from '../classify-document.ts';

export interface StartOptions {
  config: ServerConfig;
  /** An open store (tests, the demo); otherwise `config.db` is opened. */
  store?: Store;
  /** How scans run; default: the configured folders. The sandbox tenant or a real tenant brings its own. */
  launcher?: ScanLauncher;
  /** Retention over the store; default: made with createRetention when available. */
  retention?: Retention;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  context: ServerContext;
  close(): Promise<void>;
}

/** Starts the API, the UI and the schedules in this process; `close()` stops the scan in flight and the schedules. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const store = options.store ?? openStore(config.db);
  const log = options.log ?? ((line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`));
  const launcher = options.launcher ?? createFolderLauncher(config.folders, { db: config.db });
  const trainer = createTypeTrainer(store.hasher);
  const learning = createReviewLearning(store, launcher, trainer, log);
  const retention = options.retention ?? (await defaultRetention(store, log));
  const scans = createScanJobs(store, launcher, () => (bytes, name) => classifyDocument(bytes, name, { classifyText: trainer.classifier() }));
  const closeHooks: (() => Promise<void> | void)[] = [];
  const onClose = (hook: () => Promise<void> | void) => void closeHooks.push(hook);
  const context: ServerContext = { store, config, launcher, scans, trainer, learning, log, onClose, ...(retention ? { retention } : {}) };
  learning.reviewed([]); // earlier reviews train the model from the start
  const server: Server = createHttpServer(createApp(context));
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(config.port, config.host, () => done());
    });
  } catch (error) {
    // The port is taken (the demo then tries another): leave nothing running behind the error.
    await learning.settled();
    await Promise.allSettled(closeHooks.map((hook) => hook()));
    if (!options.store) await store.close();
    throw error;
  }
  const schedules = startSchedules(context);
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  return {
    url: `http://${host}:${port}`,
    context,
    async close() {
      schedules.stop();
      await scans.close();
      await learning.settled();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await Promise.allSettled(closeHooks.splice(0).map((hook) => hook()));
      if (!options.store) await store.close();
    },
  };
}

/** Retention from src/retention when it is there (it is built beside this); the server runs without it otherwise. */
async function defaultRetention(store: Store, log: (line: string) => void): Promise<Retention | undefined> {
  try {
    const module = (await import('../retention/index.ts')) as { createRetention?: (store: Store) => Retention };
    return module.createRetention?.(store);
  } catch (error) {
    log(`retention not available: ${(error as Error).message}`);
    return undefined;
  }
}
