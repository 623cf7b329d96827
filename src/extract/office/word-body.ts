import mammoth from 'mammoth';

/** The part of mammoth's document model (its `transformDocument` hook) that carries text. */
interface WordElement {
  type: string;
  value?: string;
  children?: WordElement[];
}

function inline(element: WordElement): string {
  switch (element.type) {
    case 'text':
      return element.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return '\n';
    case 'table':
      return (element.children ?? []).map(row).join('');
    default:
      return (element.children ?? []).map(block).join('');
  }
}

/**
 * A table row on one line, cells separated by tabs — the way the classifier reads CSV: a form's `BSN | 123…` or a
 * list's `naam` column stays next to its values (mammoth's raw text puts every cell on its own paragraph).
 */
function row(element: WordElement): string {
  const cells = (element.children ?? []).map((cell) => (cell.children ?? []).map((c) => inline(c).replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean).join(' '));
  return `${cells.join('\t')}\n`;
}

function block(element: WordElement): string {
  if (element.type === 'paragraph') return `${inline(element)}\n`;
  return inline(element);
}

/**
 * The body of a Word document as text, read by mammoth. Its raw-text mode cannot keep table rows together, so the
 * document model is taken from the conversion's transform hook (pictures are not decoded: they become parts).
 */
export async function wordBodyText(bytes: Uint8Array): Promise<string> {
  let text = '';
  await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    {
      transformDocument: (document: WordElement) => {
        text = (document.children ?? []).map(block).join('');
        return document;
      },
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    },
  );
  return text;
}
