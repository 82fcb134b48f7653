import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  type FormInstance,
  type FormRule as Rule,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../../api/client.js';
import { describeError } from '../../../api/errors.js';
import type { MetricsSettings, ShopMetricSettings } from '../../../api/metrics-settings.api.js';
import { t } from '../../../i18n/i18n.js';
import {
  fieldHelp,
  fieldLabel,
  optionLabel,
  overridesFrom,
  type SettingsField,
  settingsFields,
  settingsGroups,
  unitLabel,
  valueAt,
} from '../settings.fields.js';
import { useSaveShopMetricSettings } from '../settings.queries.js';
import { HoursInput, hoursProblem, TeamsInput, teamsProblem } from './SettingsInputs.js';

type Window = MetricsSettings['attribution'];

/** 归属窗口: natural days (counting the consultation day) or a rolling number of hours. */
const WindowInput = ({ value, onChange }: { value?: Window; onChange?: (value: Window) => void }) => {
  const kind = value?.kind ?? 'days';
  const amount = value?.kind === 'hours' ? value.hours : (value?.days ?? 2);
  const change = (next: 'days' | 'hours', size: number) =>
    onChange?.(next === 'days' ? { kind: 'days', days: size } : { kind: 'hours', hours: size });
  return (
    <Space.Compact>
      <Select<'days' | 'hours'>
        aria-label={t('metrics.settings.field.attribution')}
        value={kind}
        onChange={(next) => change(next, next === 'days' ? Math.min(amount, 31) : amount)}
        options={(['days', 'hours'] as const).map((option) => ({
          value: option,
          label: t(`metrics.settings.field.attribution.${option}`),
        }))}
        style={{ width: 110 }}
      />
      <InputNumber<number>
        aria-label={`${t('metrics.settings.field.attribution')} ${t(`metrics.settings.unit.${kind}`)}`}
        min={1}
        max={kind === 'days' ? 31 : 744}
        precision={0}
        value={amount}
        onChange={(size) => size !== null && change(kind, size)}
        suffix={t(`metrics.settings.unit.${kind}`)}
        style={{ width: 120 }}
      />
    </Space.Compact>
  );
};

const control = (field: SettingsField) => {
  const label = fieldLabel(field.key);
  switch (field.kind) {
    case 'number':
      return (
        <InputNumber<number>
          aria-label={label}
          min={field.min}
          max={field.max}
          precision={field.integer ? 0 : undefined}
          suffix={unitLabel(field.unit)}
          style={{ width: 160 }}
        />
      );
    case 'select':
      return (
        <Select<string>
          aria-label={label}
          options={field.options.map((option) => ({ value: option, label: optionLabel(field.key, option) }))}
          style={{ maxWidth: 280 }}
        />
      );
    case 'switch':
      return <Switch aria-label={label} />;
    case 'lines':
      return <Input.TextArea aria-label={label} autoSize={{ minRows: 2, maxRows: 6 }} />;
    case 'window':
      return <WindowInput />;
    case 'hours':
      return <HoursInput label={label} />;
    case 'percent':
      return (
        <InputNumber<number>
          aria-label={label}
          min={0}
          max={100}
          precision={1}
          suffix="%"
          style={{ width: 140 }}
        />
      );
    case 'teams':
      return <TeamsInput />;
  }
};

// Rates are stored as fractions (0.85) and edited as percentages (85).
const percentProps = {
  getValueProps: (value: unknown) => ({
    value: typeof value === 'number' ? Math.round(value * 1000) / 10 : value,
  }),
  normalize: (value: number | null) => (value === null ? value : Math.round(value * 10) / 1000),
};

// Lists are edited as text, one entry a line; blank lines are dropped when saving.
const linesProps = {
  getValueProps: (value: unknown) => ({ value: Array.isArray(value) ? value.join('\n') : '' }),
  normalize: (text: string) => text.split('\n'),
};

const checked = <T,>(problem: (value: T) => string | undefined): Rule[] => [
  {
    validator: async (_: unknown, value: T) => {
      const found = problem(value);
      if (found) throw new Error(found);
    },
  },
];

const fieldRules = (field: SettingsField): Rule[] => {
  if (field.kind === 'number' || field.kind === 'percent') return [{ required: true }];
  if (field.kind === 'hours') return checked(hoursProblem);
  if (field.kind === 'teams') return checked(teamsProblem);
  return [];
};

const item = (field: SettingsField) => (
  <Form.Item
    key={field.key}
    name={field.key.split('.')}
    label={fieldLabel(field.key)}
    tooltip={fieldHelp(field.key)}
    extra={field.kind === 'lines' ? t('metrics.settings.linesHint') : undefined}
    valuePropName={field.kind === 'switch' ? 'checked' : 'value'}
    rules={fieldRules(field)}
    {...(field.kind === 'lines' ? linesProps : field.kind === 'percent' ? percentProps : {})}
    style={{ flex: field.kind === 'teams' ? '1 1 100%' : '1 1 260px', minWidth: 0 }}
  >
    {control(field)}
  </Form.Item>
);

// The form field a server detail is about: `body.overrides.adPatterns.2` → adPatterns.
const fieldOf = (path: string): SettingsField | undefined => {
  const key = path.replace(/^body\.overrides\.?/, '');
  return settingsFields.find((field) => key === field.key || key.startsWith(`${field.key}.`));
};

/** A refused save: each server detail goes under its field, and the message names them all. */
const showProblems = (form: FormInstance, error: unknown): string => {
  const details = isApiError(error) && Array.isArray(error.details) ? (error.details as unknown[]) : [];
  const named = details.flatMap((detail) =>
    typeof detail === 'object' && detail !== null && 'path' in detail && 'message' in detail
      ? [{ field: fieldOf(String(detail.path)), path: String(detail.path), message: String(detail.message) }]
      : [],
  );
  form.setFields(
    named.flatMap(({ field, message }) => (field ? [{ name: field.key.split('.'), errors: [message] }] : [])),
  );
  const text = named
    .map(({ field, path, message }) => `${field ? fieldLabel(field.key) : path}：${message}`)
    .join('；');
  return text ? `${describeError(error)}（${text}）` : describeError(error);
};

/** A server's complaint about a field goes once the field is edited. */
const clearProblems = (form: FormInstance, changed: object) =>
  form.setFields(
    settingsFields
      .filter((field) => valueAt(changed, field.key) !== undefined)
      .map((field) => ({ name: field.key.split('.'), errors: [] })),
  );

/**
 * 修改设置: the form starts from the newest version (or the presets); saving stores the values
 * that differ from the presets as a new version from the chosen day.
 */
export const SettingsForm = ({ view }: { view: ShopMetricSettings }) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<MetricsSettings>();
  const save = useSaveShopMetricSettings(view.shop.id);
  const latest = view.versions.at(-1);
  // Today by default; a later day announces a change before it applies, an earlier one restates.
  const [effectiveFrom, setEffectiveFrom] = useState(view.today);
  const submit = async (values: MetricsSettings) => {
    const overrides = overridesFrom({ kept: latest?.overrides ?? {}, values, preset: view.preset });
    try {
      await save.mutateAsync({ effectiveFrom, overrides });
      message.success(t('metrics.settings.saved', { date: effectiveFrom }));
    } catch (error) {
      message.error(showProblems(form, error));
    }
  };
  return (
    <Card size="small" title={t('metrics.settings.edit')}>
      <Typography.Paragraph type="secondary">{t('metrics.settings.editHint')}</Typography.Paragraph>
      <Form<MetricsSettings>
        form={form}
        layout="vertical"
        initialValues={latest?.settings ?? view.preset}
        onFinish={submit}
        onValuesChange={(changed: object) => clearProblems(form, changed)}
        data-testid="metrics-settings-form"
      >
        {settingsGroups.map((group) => (
          <div key={group}>
            <Typography.Text strong>{t(`metrics.settings.group.${group}`)}</Typography.Text>
            <Flex gap="0 16px" wrap style={{ marginTop: 8 }}>
              {settingsFields.filter((field) => field.group === group).map(item)}
            </Flex>
          </div>
        ))}
      </Form>
      {/* Outside the form: Enter confirms a typed date here, it does not save. */}
      <Flex gap={8} align="center" wrap>
        <Typography.Text>{t('metrics.settings.effectiveFrom')}</Typography.Text>
        <DatePicker
          aria-label={t('metrics.settings.effectiveFrom')}
          allowClear={false}
          value={dayjs(effectiveFrom)}
          onChange={(day) => day && setEffectiveFrom(day.format('YYYY-MM-DD'))}
        />
        <Button type="primary" onClick={() => form.submit()} loading={save.isPending}>
          {t('metrics.settings.save')}
        </Button>
      </Flex>
    </Card>
  );
};
