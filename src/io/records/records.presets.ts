import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { type ColumnMapping, type RecordKind, recordKinds } from './records.fields.js';

/** A shop's saved answer to "which column is which" for one kind of file, kept as data. */
export type MappingPreset = { shop: string; kind: RecordKind; mapping: ColumnMapping; timeZone?: string };

const presetSchema = z.strictObject({
  shop: z.string().min(1),
  kind: z.enum(recordKinds),
  mapping: z.strictObject({
    columns: z.record(z.string(), z.string()).optional(),
    constants: z.record(z.string(), z.string()).optional(),
  }),
  timeZone: z.string().optional(),
});

const presetFileSchema = z.strictObject({ version: z.literal(1), presets: z.array(presetSchema) });

/** Reads the presets file (JSON); a file that does not exist yet holds no presets. */
export const loadMappingPresets = async ({ file }: { file: string }): Promise<MappingPreset[]> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
  return presetFileSchema.parse(JSON.parse(text)).presets;
};

/** The preset of a shop for a kind of file, if one was saved. */
export const findMappingPreset = (presets: readonly MappingPreset[], shop: string, kind: RecordKind) =>
  presets.find((preset) => preset.shop === shop && preset.kind === kind);

/** Saves (adds or replaces) a shop's preset; writes a temporary file first so a crash loses nothing. */
export const saveMappingPreset = async ({
  file,
  preset,
}: {
  file: string;
  preset: MappingPreset;
}): Promise<void> => {
  const checked = presetSchema.parse(preset);
  const others = (await loadMappingPresets({ file })).filter(
    (p) => p.shop !== checked.shop || p.kind !== checked.kind,
  );
  const presets = [...others, checked].sort(
    (a, b) => a.shop.localeCompare(b.shop) || a.kind.localeCompare(b.kind),
  );
  const temporary = `${file}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ version: 1, presets }, null, 2)}\n`);
  await rename(temporary, file);
};
