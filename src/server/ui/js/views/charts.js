import { h } from '../dom.js';

// Horizontal bars in SVG (attributes, not style: the CSP allows no inline style). Colour by label where it is one.
export function barChart(entries, { labelClass = () => '', width = 420, max = 12 } = {}) {
  const rows = entries.slice(0, max);
  const top = Math.max(1, ...rows.map(([, n]) => n));
  const rowHeight = 24;
  const textWidth = 170;
  const svg = h('svg', { class: 'chart', viewBox: `0 0 ${width} ${rows.length * rowHeight}`, width, height: rows.length * rowHeight, role: 'img' });
  rows.forEach(([name, n], i) => {
    const y = i * rowHeight;
    const w = Math.max(2, Math.round(((width - textWidth - 50) * n) / top));
    svg.append(
      h('text', { x: 0, y: y + 16, class: 'chart-label' }, String(name).length > 24 ? `…${String(name).slice(-23)}` : String(name)),
      h('rect', { x: textWidth, y: y + 4, width: w, height: rowHeight - 8, rx: 3, class: `bar ${labelClass(name)}` }),
      h('text', { x: textWidth + w + 6, y: y + 16, class: 'chart-value' }, String(n)),
    );
  });
  return svg;
}
