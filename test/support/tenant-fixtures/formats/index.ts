export { type Doc, plainText } from './doc.ts';
export { toDocx, toOdt, toPptx } from './office.ts';
export { toXlsx } from './xlsx.ts';
export { toPdf } from './pdf.ts';
export { toCsv, toHtml, toMarkdown, toRtf, toTxt } from './text.ts';
export { scanImage, scanPdf } from './scan.ts';
export { toEml } from './mime.ts';
export type { Attachment, MessageJson, Address } from './message.ts';
