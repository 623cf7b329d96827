import type { Store } from '../../store/store.ts';
import type { ScanLauncher } from '../scans/launcher.ts';
import { rereadText } from './reread.ts';
import type { TypeTrainer } from './trainer.ts';

/**
 * Learning from reviews in the background: the reviewer's "Save & next" never waits for a re-read or a retraining.
 * Reviews queue up; one worker re-reads each newly reviewed document for its feature vector, then retrains once
 * for the batch (skipped when the examples did not change). `settled()` waits for all of it, so a classification
 * asked for after a review sees its effect.
 */
export interface ReviewLearning {
  reviewed(documentIds: readonly number[]): void;
  settled(): Promise<void>;
  status(): { examples: number; trainedAt?: string; pending: number };
}

export function createReviewLearning(store: Store, launcher: ScanLauncher, trainer: TypeTrainer, log: (line: string) => void): ReviewLearning {
  const queue = new Set<number>();
  let work: Promise<void> = Promise.resolve();
  let examples = 0;
  let trainedAt: string | undefined;

  async function drain(): Promise<void> {
    do {
      const batch = [...queue];
      queue.clear();
      for (const id of batch) {
        if (await store.hasTrainingVector(id)) continue; // a re-review changes the type only, stored with the review
        const doc = await store.reviewedDocument(id);
        if (!doc?.review) continue;
        const text = await rereadText(launcher, doc);
        if (text !== undefined) await store.saveTrainingVector(id, trainer.featuresOf(text));
      }
      const result = trainer.retrain(await store.trainingExamples());
      examples = result.examples;
      if (result.retrained && result.examples > 0) {
        trainedAt = new Date().toISOString();
        log(`document-type model retrained from ${result.examples} reviewed documents`);
      }
    } while (queue.size);
  }

  return {
    reviewed(ids) {
      for (const id of ids) queue.add(id);
      work = work.then(drain).catch((error: unknown) => log(`retraining failed: ${(error as Error).message}`));
    },
    settled: () => work,
    status: () => ({ examples, ...(trainedAt ? { trainedAt } : {}), pending: queue.size }),
  };
}
