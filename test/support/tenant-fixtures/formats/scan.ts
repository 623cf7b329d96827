import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jpegToPdf } from '../../../extract/support/jpeg-pdf.ts';

/**
 * A scanned page: text rendered by ImageMagick in grey, turned a little as a hand-fed page is, slightly blurred,
 * metadata stripped (no dates, so rebuilds match). Needs ImageMagick 6 and the DejaVu fonts at build time only;
 * the outputs are committed.
 */
export function scanImage(lines: string[], format: 'png' | 'jpg', options: { mono?: boolean; angle?: number } = {}): Uint8Array {
  const work = mkdtempSync(join(tmpdir(), 'tenant-scan-'));
  try {
    const out = join(work, `page.${format}`);
    execFileSync('convert', [
      '-background', 'white', '-fill', '#222222', '-font', options.mono ? 'DejaVu-Sans-Mono' : 'DejaVu-Sans', '-pointsize', '26',
      '-interline-spacing', '6', `label:${lines.join('\n').replace(/[%@\\]/g, ' ')}`, '-bordercolor', 'white', '-border', '60',
      '-background', 'white', '-rotate', String(options.angle ?? 0.6), '-blur', '0x0.5', '-colorspace', 'Gray',
      ...(format === 'jpg' ? ['-quality', '55'] : ['-depth', '8', '-define', 'png:exclude-chunks=date,time']),
      '-strip', out,
    ], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, MAGICK_TIME_LIMIT: '60' } });
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A scanner's "scan to PDF": the page as a JPEG, no text layer. */
export const scanPdf = (lines: string[], angle = 0.4) => jpegToPdf(scanImage(lines, 'jpg', { angle }));
