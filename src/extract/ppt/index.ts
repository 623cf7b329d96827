export { readPresentation, type Presentation } from './presentation.ts';
export { MAX_DEPTH, MAX_RECORDS, PptFormatError, readRecords, type PptRecord, type RecordTree } from './records.ts';
