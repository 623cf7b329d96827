/**
 * The record tree of a "PowerPoint Document" stream ([MS-PPT] 2.3): an 8-byte header (recVer/recInstance u16,
 * recType u16, recLen u32), containers (recVer 0xF) hold child records. Read into a flat list in document order,
 * bounded: the depth, the number of records, and every child within its parent. Records cannot form cycles (each
 * advances by at least its header), so the walk ends after at most stream length / 8 steps.
 */
export interface PptRecord {
  type: number;
  instance: number;
  /** Offset of the header in the stream: persist directories point here. */
  offset: number;
  dataStart: number;
  dataEnd: number;
  /** Index in the list of the enclosing container; -1 at the top level. */
  parent: number;
  /** Index of the top-level record this one sits in (itself at the top level). */
  top: number;
}

export interface RecordTree {
  records: PptRecord[];
  /** Where a record claimed more bytes than its container or the stream holds; the walk stopped there. */
  damage?: string;
}

export const MAX_DEPTH = 64;
export const MAX_RECORDS = 2_000_000;

export class PptFormatError extends Error {}

export function readRecords(stream: Uint8Array): RecordTree {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const records: PptRecord[] = [];
  let damage: string | undefined;
  // An explicit stack, not recursion: a hostile file nesting containers deeply cannot overflow the call stack.
  const stack: { end: number; index: number }[] = [{ end: stream.length, index: -1 }];
  let at = 0;
  while (stack.length > 0) {
    const level = stack[stack.length - 1]!;
    if (at >= level.end) {
      at = level.end;
      stack.pop();
      continue;
    }
    if (at + 8 > level.end) {
      // Slack shorter than a header at the end of a container or the stream is padding, not a record.
      at = level.end;
      continue;
    }
    const verInstance = view.getUint16(at, true);
    const type = view.getUint16(at + 2, true);
    const length = view.getUint32(at + 4, true);
    const dataStart = at + 8;
    const dataEnd = dataStart + length;
    if (dataEnd > level.end) {
      damage = `record at byte ${at} claims ${length} bytes, more than ${level.index < 0 ? 'the stream' : 'its container'} holds`;
      break;
    }
    if (records.length >= MAX_RECORDS) throw new PptFormatError(`more than ${MAX_RECORDS} records`);
    const index = records.length;
    const parent = level.index;
    records.push({ type, instance: verInstance >> 4, offset: at, dataStart, dataEnd, parent, top: parent < 0 ? index : records[parent]!.top });
    if ((verInstance & 0x0f) === 0x0f) {
      if (stack.length > MAX_DEPTH) throw new PptFormatError(`records nested more than ${MAX_DEPTH} deep`);
      stack.push({ end: dataEnd, index });
      at = dataStart;
    } else at = dataEnd;
  }
  return damage === undefined ? { records } : { records, damage };
}
