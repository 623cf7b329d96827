import { badRequest } from '../http-error.ts';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * The first file of a multipart/form-data body (`curl -F file=@brief.pdf`). The body is already in memory and
 * size-capped, so a plain scan for the boundary is enough; no streaming parser is needed for one file.
 */
export function firstFile(body: Buffer, contentType: string): UploadedFile {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) throw badRequest('multipart body without a boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const headStart = at + delimiter.length + 2; // past the delimiter and its CRLF
    if (body.subarray(at + delimiter.length, at + delimiter.length + 2).toString() === '--') break;
    const headEnd = body.indexOf('\r\n\r\n', headStart);
    if (headEnd < 0) break;
    const next = body.indexOf(delimiter, headEnd + 4);
    if (next < 0) break;
    const head = body.subarray(headStart, headEnd).toString('utf8');
    const filename = /filename\*?=(?:UTF-8'')?"?([^";\r\n]*)"?/i.exec(head)?.[1];
    if (filename !== undefined) {
      // The part ends with CRLF before the next delimiter.
      return { name: decodeURIComponent(filename) || 'upload', bytes: new Uint8Array(body.subarray(headEnd + 4, next - 2)) };
    }
    at = next;
  }
  throw badRequest('the multipart body holds no file (send it as a form field with a file name: -F file=@PATH)');
}
