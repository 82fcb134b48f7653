import type { RunStyle } from '../../domain/importer/index.js';
import { tokenizeXml } from './papers.xml.js';

// Word styles (word/styles.xml). Many papers mark answers with a character style such as
// 「答案」 (red) or number their questions through a list paragraph style, so the formatting of a
// run is the paragraph style's, then the character style's, then its own direct formatting.

/** One style's run formatting, parent, and (paragraph styles) list numbering. */
export type DocxStyle = { run: RunStyle; basedOn?: string; numId?: string; ilvl?: number };
export type DocxStyles = Map<string, DocxStyle>;

/** Red as Word writes it: `FF0000`, `C00000`, `E60012`…; a strong red channel over weak green and blue. */
const isRed = (hex: string | undefined): boolean => {
  if (!hex || !/^[0-9a-fA-F]{6}$/.test(hex)) return hex === 'red';
  const [r, g, b] = [0, 2, 4].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)) as [
    number,
    number,
    number,
  ];
  return r >= 0xb0 && g <= 0x60 && b <= 0x60;
};

const on = (value: string | undefined) => value === undefined || !['0', 'false', 'none'].includes(value);

/** Applies one run property element (`w:color`, `w:b`, `w:u`, `w:highlight`, `w:shd`) to `style`. */
export const applyRunProperty = (style: RunStyle, name: string, attributes: Record<string, string>) => {
  const value = attributes['w:val'];
  if (name === 'w:color') style.red = isRed(value);
  else if (name === 'w:b') style.bold = on(value);
  else if (name === 'w:u') style.underline = on(value);
  else if (name === 'w:highlight') style.highlight = on(value);
  else if (name === 'w:shd') style.highlight = !['auto', 'FFFFFF', undefined].includes(attributes['w:fill']);
};

/** Reads the character and paragraph styles of word/styles.xml (absent: none). */
export const readStyles = (xml: string | undefined): DocxStyles => {
  const styles: DocxStyles = new Map();
  if (!xml) return styles;
  let current: DocxStyle | null = null;
  let inRunProperties = false;
  for (const token of tokenizeXml(xml)) {
    if (token.kind === 'text') continue;
    if (token.kind === 'close') {
      if (token.name === 'w:style') current = null;
      if (token.name === 'w:rPr') inRunProperties = false;
      continue;
    }
    const value = token.attributes['w:val'];
    if (token.name === 'w:style') {
      current = { run: {} };
      styles.set(token.attributes['w:styleId'] ?? '', current);
    } else if (!current) continue;
    else if (token.name === 'w:basedOn' && value) current.basedOn = value;
    else if (token.name === 'w:rPr' && !token.selfClosing) inRunProperties = true;
    else if (inRunProperties) applyRunProperty(current.run, token.name, token.attributes);
    else if (token.name === 'w:numId' && value) current.numId = value;
    else if (token.name === 'w:ilvl') current.ilvl = Number(value ?? 0);
  }
  return styles;
};

/** A style with what it inherits through `basedOn` (parents first; a loop in the chain is cut). */
export const resolveStyle = (styles: DocxStyles, id: string | undefined): DocxStyle => {
  const chain: DocxStyle[] = [];
  const seen = new Set<string>();
  for (let at = id; at !== undefined && !seen.has(at); at = styles.get(at)?.basedOn) {
    seen.add(at);
    const style = styles.get(at);
    if (style) chain.unshift(style);
  }
  const resolved: DocxStyle = { run: {} };
  for (const style of chain) {
    Object.assign(resolved.run, style.run);
    if (style.numId !== undefined) resolved.numId = style.numId;
    if (style.ilvl !== undefined) resolved.ilvl = style.ilvl;
  }
  return resolved;
};
