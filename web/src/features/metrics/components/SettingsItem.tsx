import { Form, type FormRule, Input, InputNumber, Select, Switch } from 'antd';
import { t } from '../../../i18n/i18n.js';
import {
  hoursProblem,
  numberProblem,
  patternsProblem,
  teamsProblem,
  tiersProblem,
} from '../settings.checks.js';
import { fieldHelp, fieldLabel, optionLabel, type SettingsField, unitLabel } from '../settings.fields.js';
import { HoursInput, TimeZoneSelect, WindowInput } from './SettingsInputs.js';
import { TeamsInput } from './TeamsInput.js';
import { TiersInput } from './TiersInput.js';

const control = (field: SettingsField, agents: string[]) => {
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
          placeholder={field.optional ? t('metrics.settings.noTarget') : undefined}
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
    case 'timezone':
      return <TimeZoneSelect label={label} />;
    case 'hours':
      return <HoursInput label={label} />;
    case 'percent':
      return (
        <InputNumber<number>
          aria-label={label}
          min={0}
          max={100}
          step={1}
          suffix="%"
          placeholder={field.optional ? t('metrics.settings.noTarget') : undefined}
          style={{ width: 140 }}
        />
      );
    case 'tiers':
      return <TiersInput />;
    case 'teams':
      return <TeamsInput agents={agents} />;
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

const checked = (problem: (value: unknown) => string | undefined): FormRule[] => [
  {
    validator: async (_: unknown, value: unknown) => {
      const found = problem(value);
      if (found) throw new Error(found);
    },
  },
];

// Every problem names the field and the reason, in the server's words.
const fieldRules = (field: SettingsField): FormRule[] => {
  switch (field.kind) {
    case 'number':
    case 'percent':
      return checked((value) => numberProblem(field, value));
    case 'hours':
      return checked((value) => hoursProblem(field.key, value as { from?: string; to?: string }));
    case 'lines':
      return field.key === 'filters.accounts' ? [] : checked((value) => patternsProblem(field.key, value));
    case 'tiers':
      return checked((value) => tiersProblem(field.key, value as Parameters<typeof tiersProblem>[1]));
    case 'teams':
      return checked((value) => teamsProblem(field.key, value as Parameters<typeof teamsProblem>[1]));
    default:
      return [];
  }
};

const wide = new Set<SettingsField['kind']>(['teams', 'tiers']);

/** One setting of the form: its control, label, help and checks. */
export const SettingsItem = ({ field, agents }: { field: SettingsField; agents: string[] }) => (
  <Form.Item
    name={field.key.split('.')}
    // The teams are the whole 班组 group: its title names them, and their help is worth reading.
    label={field.kind === 'teams' ? undefined : fieldLabel(field.key)}
    tooltip={field.kind === 'teams' ? undefined : fieldHelp(field.key)}
    extra={
      field.kind === 'lines'
        ? t('metrics.settings.linesHint')
        : field.kind === 'teams'
          ? fieldHelp(field.key)
          : field.optional
            ? t('metrics.settings.shopTargetHint')
            : undefined
    }
    valuePropName={field.kind === 'switch' ? 'checked' : 'value'}
    rules={fieldRules(field)}
    {...(field.kind === 'lines' ? linesProps : field.kind === 'percent' ? percentProps : {})}
    style={{ flex: wide.has(field.kind) ? '1 1 100%' : '1 1 260px', minWidth: 0 }}
  >
    {control(field, agents)}
  </Form.Item>
);
