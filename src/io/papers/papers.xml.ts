/** A tiny reader for the WordprocessingML subset we need; Word's XML is regular enough for this. */

export type XmlToken =
  | { kind: 'open'; name: string; attributes: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const entity = (match: string, name: string): string => {
  if (name === 'lt') return '<';
  if (name === 'gt') return '>';
  if (name === 'amp') return '&';
  if (name === 'quot') return '"';
  if (name === 'apos') return "'";
  const code = name.startsWith('#x')
    ? Number.parseInt(name.slice(2), 16)
    : Number.parseInt(name.slice(1), 10);
  return Number.isFinite(code) ? String.fromCodePoint(code) : match;
};

export const decodeEntities = (text: string): string => text.replace(/&(#x?[0-9a-fA-F]+|\w+);/g, entity);

const readAttributes = (source: string): Record<string, string> => {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes[match[1] ?? ''] = decodeEntities(match[2] ?? match[3] ?? '');
  }
  return attributes;
};

/** Splits XML into open/close/text tokens (no DTDs, comments and processing instructions are skipped). */
export function* tokenizeXml(xml: string): Generator<XmlToken> {
  const pattern = /<(\/?)([\w:.-]+)([^>]*?)(\/?)>|<[?!][^>]*>|([^<]+)/g;
  for (const match of xml.matchAll(pattern)) {
    if (match[5] !== undefined) yield { kind: 'text', text: decodeEntities(match[5]) };
    else if (match[2] === undefined) continue;
    else if (match[1] === '/') yield { kind: 'close', name: match[2] };
    else {
      yield {
        kind: 'open',
        name: match[2],
        attributes: readAttributes(match[3] ?? ''),
        selfClosing: match[4] === '/',
      };
    }
  }
}
