import type { Detector } from '../detector.ts';
import { bsnDetector } from './bsn.ts';

/** Every detector, in the order they run. Registering a detector is one line here. */
export const allDetectors: readonly Detector[] = [
  bsnDetector,
];
