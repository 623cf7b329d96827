import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { classifyDocument, type DocumentClassification } from '../classify-document.ts';
import { ExtractionError } from '../extract/types.ts';
import type { Finding, Label } from '../types.ts';
import { UsageError, type CliIO, type Command } from './command.ts';
import { contractOf } from './contract.ts';
import { retentionForFile } from '../retention/contract.ts';
import { walk } from './files.ts';

const usage = `Usage: bewaarder classify [--json] PATH...

Classifies documents: their label (geen / generiek / bijzonder), document type and the personal data found,
with masked evidence and the reason for every decision. Folders are read recursively. Nothing is stored.

Formats: PDF (scans OCR'd), images, DOCX, DOC, XLSX, XLS, PPTX, ODT/ODS/ODP, RTF, EML and MSG with attachments,
ZIP, HTML, CSV, Markdown and plain text. The format is read from the content, not the extension.

Options:
  --json      one JSON object per document (JSON Lines) on stdout, nothing else
  --verbose   also list weak hints (evidence too weak to decide a label)
  -h, --help  this help

Exit status: 0 all documents read, 1 some could not be read (each still gets its line), 2 wrong usage.`;

/** The contract line; its retention date counts from the file's modified time (nothing is stored to know more). */
async function toContract(path: string, c: DocumentClassification) {
  return contractOf(path, { ...c, format: c.kind }, retentionForFile(c, (await stat(path)).mtime));
}

function describe(f: Finding): string {
  return `    ${f.category} ×${f.count} (${f.confidence}) ${f.evidence}${f.part ? ` [${f.part}]` : ''} — ${f.explanation}`;
}

export const classifyCommand: Command = {
  name: 'classify',
  summary: 'label documents and show the personal data in them (masked)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('name at least one file or folder to classify');
    const counts: Record<Label | 'error', number> = { geen: 0, generiek: 0, bijzonder: 0, error: 0 };
    for await (const file of walk(positionals)) {
      let result: DocumentClassification | undefined;
      let error = file.error;
      if (!error) {
        try {
          result = await classifyDocument(await readFile(file.path), file.path);
        } catch (e) {
          // Only our own reasons are shown: a library's message might quote document content.
          error = e instanceof ExtractionError ? e.reason : `could not be read (${(e as Error).name})`;
        }
      }
      if (!result) {
        counts.error++;
        if (values.json) io.out(JSON.stringify({ path: file.path, error }));
        else io.out(`${'FOUT'.padEnd(10)} ${''.padEnd(22)} ${file.path}: ${error}`);
        continue;
      }
      counts[result.label]++;
      if (values.json) {
        io.out(JSON.stringify(await toContract(file.path, result)));
        continue;
      }
      io.out(`${result.label.padEnd(10)} ${result.documentType.padEnd(22)} ${file.path}`);
      for (const f of result.findings) io.out(describe(f));
      if (values.verbose) for (const f of result.hints) io.out(`${describe(f)} (hint)`);
    }
    if (!values.json) {
      io.err(`\n${counts.bijzonder} bijzonder, ${counts.generiek} generiek, ${counts.geen} geen, ${counts.error} not readable`);
    }
    return counts.error > 0 ? 1 : 0;
  },
};
