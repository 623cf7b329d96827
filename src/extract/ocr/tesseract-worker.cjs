'use strict';
// The thread each tesseract.js worker runs in: tesseract.js's own worker script, with two guards put in first.
// 1. No network: tesseract.js fetches a model over HTTP when its language path is a URL (by default, a CDN). Ours
//    is a local folder (language-data.ts); should that ever change, fetching fails here instead of reaching out.
// 2. Quiet: the engine prints diagnostics ("Error in pixScanForForeground…") on the console, which is the CLI's
//    stdout/stderr. They are dropped, or sent to stderr when BEWAARDER_DEBUG is set.
const refuse = () => Promise.reject(new Error('OCR must not use the network'));
global.fetch = refuse;
const debug = Boolean(process.env.BEWAARDER_DEBUG);
for (const method of ['log', 'info', 'debug', 'warn', 'error']) {
  console[method] = debug ? (...args) => process.stderr.write(`[ocr] ${args.map(String).join(' ')}\n`) : () => {};
}
require('tesseract.js/src/worker-script/node/index.js');
