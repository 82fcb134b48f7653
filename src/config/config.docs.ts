import { configDefinition } from './config.schema.js';

const formatDefault = (value: unknown) => (value === undefined ? '(unset)' : `\`${String(value)}\``);

// Columns padded to equal width, as the Markdown formatter (biome) leaves them.
const renderTable = (header: string[], rows: string[][]) => {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
};

/** The self-hosting reference for every configuration key, as Markdown (docs/configuration.md). */
export const renderConfigDocs = (): string => {
  const rows = Object.values(configDefinition).flatMap((section) =>
    Object.values(section).map((definition) => [
      `\`${definition.env}\``,
      formatDefault(definition.default),
      definition.doc,
    ]),
  );
  return [
    '# Configuration',
    '',
    '<!-- Generated from src/config/config.schema.ts by `npx tsx src/config/config.docs.script.ts`; do not edit. -->',
    '',
    'Kefu reads its settings from environment variables. Unset variables take the default.',
    '',
    ...renderTable(['Variable', 'Default', 'Meaning'], rows),
    '',
  ].join('\n');
};
