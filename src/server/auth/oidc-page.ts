import type { Response } from 'express';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface ProblemText {
  nl: string;
  en: string;
}

/**
 * A sign-in that went wrong ends on a page, not on JSON: the person came here by a browser redirect. Dutch first,
 * English below; a way back to the start page. No script (the CSP allows none inline) and nothing from the request.
 */
export function sendSignInProblem(res: Response, status: number, title: ProblemText, detail: ProblemText): void {
  res.status(status).type('html').setHeader('Cache-Control', 'no-store');
  res.send(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${escape(title.nl)} — Bewaarder</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/style.css"></head>
<body><main class="login card" id="sign-in-problem" data-status="${status}">
<h1>${escape(title.nl)}</h1><p>${escape(detail.nl)}</p>
<p lang="en"><strong>${escape(title.en)}.</strong> ${escape(detail.en)}</p>
<p><a class="button" href="/">Terug naar Bewaarder / Back to Bewaarder</a></p></main></body></html>`);
}
