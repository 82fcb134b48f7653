import { Alert, Checkbox, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import type { ImportPreview } from '../../../api/metrics.api.js';
import { describeError } from '../../../api/errors.js';
import { type MessageKey, t } from '../../../i18n/i18n.js';

/**
 * field → the header chosen for it (the UI's side of the API's header → field). "" is （不导入）
 * for a field the file has a column for by the header synonyms: it is sent, so that column is
 * not imported after all; a field the file has no such column for is simply left out.
 */
export type FieldColumns = Record<string, string>;

/**
 * header → field, as POST /api/imports takes it; a field left （不导入） goes by its own name as
 * `{ field: "" }` (the API reads a field's name as one of its headers).
 */
export const headerMapping = (columns: FieldColumns): Record<string, string> => {
  const mapping: Record<string, string> = {};
  for (const [field, header] of Object.entries(columns)) if (header) mapping[header] = field;
  for (const [field, header] of Object.entries(columns))
    if (!header && mapping[field] === undefined) mapping[field] = '';
  return mapping;
};

/** The file's fields that its headers name by the synonyms: these fall back to a column unless sent as "". */
const namedFields = (preview: ImportPreview) => new Set(Object.values(preview.suggested));

/** Marks （不导入） on every field the file has a column for that no header is chosen for, and only there. */
const withSkips = (preview: ImportPreview, columns: FieldColumns): FieldColumns => {
  const next: FieldColumns = {};
  for (const [field, header] of Object.entries(columns)) if (header) next[field] = header;
  for (const field of namedFields(preview)) if (next[field] === undefined) next[field] = '';
  return next;
};

/** The preview's header → field (headers mapped to "" are not imported) as the step's columns. */
const fieldColumnsOf = (preview: ImportPreview): FieldColumns =>
  withSkips(
    preview,
    Object.fromEntries(
      Object.entries(preview.mapping)
        .filter(([, field]) => field !== '')
        .map(([header, field]) => [field, header]),
    ),
  );

const fieldName = (field: string): string => {
  const key = `metrics.import.fieldName.${field}`;
  return t(key as MessageKey) ?? field;
};

/** The fields the step asks for: a chosen shop already fixes the shop and platform of every row. */
const shownFields = (preview: ImportPreview, shopChosen: boolean) =>
  preview.fields.filter(({ field }) => !(shopChosen && (field === 'shop' || field === 'platform')));

/** Required fields still without a column (empty: the mapping can be checked). */
export const missingRequired = (
  preview: ImportPreview | undefined,
  columns: FieldColumns,
  shopChosen: boolean,
) =>
  preview
    ? shownFields(preview, shopChosen)
        .filter(({ field, required }) => required && !columns[field])
        .map(({ field }) => field)
    : [];

/**
 * 列映射: one row per field (required ones marked) with a choice of the file's headers, each shown
 * with a value from the first row; starts from the shop's preset or the header synonyms.
 */
export const ImportMapping = ({
  preview,
  loading,
  error,
  shopChosen,
  columns,
  onColumns,
  savePreset,
  onSavePreset,
}: {
  preview: ImportPreview | undefined;
  loading: boolean;
  error: unknown;
  shopChosen: boolean;
  columns: FieldColumns;
  onColumns: (columns: FieldColumns) => void;
  savePreset: boolean;
  onSavePreset: (save: boolean) => void;
}) => {
  // A new preview (another file, kind or shop) starts the step again from its mapping.
  useEffect(() => {
    if (preview) onColumns(fieldColumnsOf(preview));
  }, [preview, onColumns]);
  if (error) return <Alert type="error" showIcon title={describeError(error)} />;
  if (loading || !preview) return <Spin description={t('metrics.import.mapping.loading')} />;
  const firstRow = preview.sampleRows[0] ?? [];
  const options = [
    { value: '', label: t('metrics.import.mapping.none') },
    ...preview.headers.map((header, index) => {
      const example = firstRow[index];
      return {
        value: header,
        label: example
          ? `${header}（${t('metrics.import.mapping.example', { value: example.slice(0, 20) })}）`
          : header,
      };
    }),
  ];
  const missing = missingRequired(preview, columns, shopChosen);
  const choose = (field: string, header: string) => {
    const next: FieldColumns = {};
    // A header feeds one field: choosing it here takes it from the field that had it.
    for (const [other, chosen] of Object.entries(columns)) if (chosen !== header) next[other] = chosen;
    next[field] = header;
    onColumns(withSkips(preview, next));
  };
  // The file's header each field's name matches: what （不导入） leaves out.
  const skippedHeader = Object.fromEntries(
    Object.entries(preview.suggested).map(([header, field]) => [field, header]),
  );
  return (
    <Space
      direction="vertical"
      size="small"
      style={{ width: '100%', maxWidth: 720 }}
      data-testid="import-mapping"
    >
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('metrics.import.mapping')}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('metrics.import.mapping.intro')}{' '}
        {preview.preset ? t('metrics.import.mapping.fromPreset') : t('metrics.import.mapping.fromSuggestion')}{' '}
        {t('metrics.import.mapping.file', {
          format: preview.format.toUpperCase(),
          encoding: preview.encoding,
          count: preview.headers.length,
        })}
      </Typography.Text>
      <Table
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={shownFields(preview, shopChosen)}
        columns={[
          {
            key: 'field',
            title: t('metrics.import.mapping.field'),
            width: 220,
            render: (_, { field, required }) => (
              <Space size={4}>
                <span>{fieldName(field)}</span>
                <Typography.Text type="secondary" code>
                  {field}
                </Typography.Text>
                {required ? <Tag color="red">{t('metrics.import.mapping.required')}</Tag> : null}
              </Space>
            ),
          },
          {
            key: 'column',
            title: t('metrics.import.mapping.column'),
            render: (_, { field, required }) => (
              <>
                <Select<string>
                  aria-label={`${t('metrics.import.mapping.column')}：${field}`}
                  style={{ width: '100%' }}
                  value={columns[field] ?? ''}
                  status={required && !columns[field] ? 'error' : ''}
                  onChange={(header) => choose(field, header)}
                  options={options}
                />
                {columns[field] === '' && skippedHeader[field] ? (
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12 }}
                    data-testid={`import-mapping-skipped-${field}`}
                  >
                    {t('metrics.import.mapping.skipped', { header: skippedHeader[field] })}
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
        ]}
      />
      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('metrics.import.mapping.missingRequired', { fields: missing.map(fieldName).join('、') })}
        />
      ) : null}
      {shopChosen ? (
        <Checkbox checked={savePreset} onChange={(event) => onSavePreset(event.target.checked)}>
          {t('metrics.import.mapping.savePreset')}
        </Checkbox>
      ) : (
        <Typography.Text type="secondary">{t('metrics.import.mapping.presetNeedsShop')}</Typography.Text>
      )}
    </Space>
  );
};
