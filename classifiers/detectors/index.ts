import type { Detector } from '../detector.ts';
import { addressDetector } from './address.ts';
import { bsnDetector } from './bsn.ts';
import { credentialsDetector } from './credentials.ts';
import { dateOfBirthDetector } from './date-of-birth.ts';
import { emailDetector } from './email.ts';
import { financialDetector } from './financial.ts';
import { ibanDetector } from './iban.ts';
import { idDocumentDetector } from './id-document.ts';
import { ipAddressDetector } from './ip-address.ts';
import { personNameDetector } from './person-name/detector.ts';
import { phoneDetector } from './phone.ts';
import { specialCategoryDetectors } from './special/detectors.ts';

/** Every detector, in the order they run. Registering a detector is one line here. */
export const allDetectors: readonly Detector[] = [
  bsnDetector,
  idDocumentDetector,
  ibanDetector,
  personNameDetector,
  emailDetector,
  phoneDetector,
  addressDetector,
  dateOfBirthDetector,
  financialDetector,
  ipAddressDetector,
  credentialsDetector,
  ...specialCategoryDetectors,
];
