import { z } from 'zod';
import { recordKinds } from '../../io/records/index.js';
import { importBody, importBodyLimit } from './metrics.schemas.js';

// 列映射 of imports: header → field, as the mapping step shows it; "" is （不导入）. Which fields
// exist is the use-case's check (its messages name the header and the field in Chinese).
const mapping = z
  .record(z.string().min(1).max(200), z.string().max(64))
  .describe(
    'header → field, e.g. { "客服账号": "agent" }. "" = 不导入: the header is not imported and the field ' +
      'it names by the header synonyms gets no column, e.g. { "会话": "" } or, by the field\'s own name, ' +
      '{ "conversation": "" } (a required field left so is a missing column); fields the mapping does ' +
      'not mention fall back to header synonyms',
  );

/** A real import's options beside its file, in the JSON bodies. */
const importOptions = {
  mapping: mapping.optional().describe("header → field; without it a chosen shop's saved preset is used"),
  savePreset: z
    .boolean()
    .default(false)
    .describe("save the mapping as the chosen shop's preset for this kind once the import is done"),
  wait: z
    .boolean()
    .default(false)
    .describe('a real import: answer 200 with the ended job instead of 202 with the running one (scripts)'),
};

export const importWithMappingBody = importBody.extend(importOptions);

export const importPreviewBody = z.strictObject({
  kind: z.enum(recordKinds),
  filename: z.string().min(1).max(255).describe('the file name; its extension picks the format'),
  contentBase64: z.string().max(importBodyLimit),
  shopId: z.uuid().optional().describe('the shop whose preset and time zone apply'),
  mapping: mapping.optional().describe('check this mapping instead of the preset or the suggestion'),
});

// The raw uploads (POST /api/imports/upload, /api/imports/preview/upload) carry the file as the
// body and everything else in the query: flags as true/false, the mapping as JSON.
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
const mappingJson = z
  .string()
  .max(64 * 1024)
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'mapping 应为 JSON 对象，如 {"客服账号":"agent"}' });
      return z.NEVER;
    }
  })
  .pipe(mapping);

export const importPreviewUploadQuery = z.strictObject({
  kind: z.enum(recordKinds),
  filename: z.string().min(1).max(255).describe('the file name; its extension picks the format'),
  shopId: z.uuid().optional().describe('the shop whose preset and time zone apply'),
  mapping: mappingJson.optional().describe('header → field as JSON: check it instead of the preset'),
});

export const importUploadQuery = importPreviewUploadQuery.extend({
  mode: z.enum(['reject', 'skip']).default('reject'),
  shopId: z.uuid().optional().describe('put every record in this shop instead of the shop column'),
  dryRun: flag.default(false).describe('true: check only, store nothing'),
  mapping: mappingJson
    .optional()
    .describe("header → field as JSON; without it a chosen shop's preset is used"),
  savePreset: flag.default(false).describe("true: save the mapping as the chosen shop's preset once done"),
  wait: flag
    .default(false)
    .describe('true: answer 200 with the ended job instead of 202 with the running one'),
});

// 确认导入 of a checked file: the check (dryRun=true) kept its upload and answered its uploadId; the
// options come again here, so whatever changed after the check applies.
export const importFromUploadBody = z.strictObject({
  uploadId: z
    .string()
    .min(1)
    .max(64)
    .describe(
      'the uploadId a check (POST /api/imports/upload?dryRun=true) answered; usable once, for an hour',
    ),
  kind: z
    .enum(recordKinds)
    .optional()
    .describe('the kind the file was checked as; another kind answers 404 (upload the file again)'),
  mode: z.enum(['reject', 'skip']).default('reject'),
  shopId: z.uuid().optional().describe('put every record in this shop instead of the shop column'),
  ...importOptions,
});

export const importIdParams = z.strictObject({ id: z.uuid() });

// POST /api/imports/preview declares no response schema: the use-case's ImportPreview is sent as it is.
export const mappingPresetParams = z.strictObject({ shopId: z.uuid(), kind: z.enum(recordKinds) });
export const mappingPresetBody = z.strictObject({ mapping });

export const mappingPresetsResponse = z.object({
  presets: z.array(
    z.object({
      shopId: z.string(),
      shopName: z.string(),
      kind: z.enum(recordKinds),
      mapping: z.record(z.string(), z.string()),
      updatedAt: z.string(),
    }),
  ),
});
