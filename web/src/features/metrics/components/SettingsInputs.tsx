import { InputNumber, Select, Space, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { MetricsSettings } from '../../../api/metrics-settings.api.js';
import { t } from '../../../i18n/i18n.js';
import { offsetText } from '../settings.fields.js';

type Window = MetricsSettings['attribution'];

/** 归属窗口: natural days (counting the consultation day) or a rolling number of hours. */
export const WindowInput = ({ value, onChange }: { value?: Window; onChange?: (value: Window) => void }) => {
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

export type HoursRange = { from: string; to: string };

const dayStart = dayjs().startOf('day');

// 24:00 (the end of the day) is shown as an end of 00:00, and an end of 00:00 is saved as 24:00:
// a range ending at the start of its own day would hold nothing.
const toClock = (text: string | undefined): Dayjs | null => {
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text ?? '');
  if (!match) return null;
  const [hour, minute, second] = [match[1], match[2], match[3] ?? '0'].map(Number) as [
    number,
    number,
    number,
  ];
  return dayStart
    .hour(hour % 24)
    .minute(minute)
    .second(second);
};

const clockText = (time: Dayjs, withSeconds: boolean) => time.format(withSeconds ? 'HH:mm:ss' : 'HH:mm');

/** 考核时段: a time-range picker, from (included) to (excluded) within the shop's day. */
export const HoursInput = ({
  label,
  value,
  onChange,
}: {
  label: string;
  value?: HoursRange;
  onChange?: (value: HoursRange) => void;
}) => {
  const withSeconds = [value?.from, value?.to].some((text) => (text ?? '').length > 5);
  return (
    <fieldset aria-label={label} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <TimePicker.RangePicker
        format={withSeconds ? 'HH:mm:ss' : 'HH:mm'}
        order={false}
        needConfirm={false}
        allowClear={false}
        placeholder={[t('metrics.settings.hours.from'), t('metrics.settings.hours.to')]}
        value={[toClock(value?.from), toClock(value?.to)]}
        onChange={(range) => {
          const [from, to] = range ?? [];
          if (!from || !to) return;
          const end = clockText(to, withSeconds);
          onChange?.({
            from: clockText(from, withSeconds),
            to: /^00:00(:00)?$/.test(end) ? end.replace('00:00', '24:00') : end,
          });
        }}
        style={{ width: withSeconds ? 240 : 200, maxWidth: '100%' }}
      />
    </fieldset>
  );
};

const china = 480;
// Every quarter hour from UTC−12:00 to UTC+14:00: the offsets any shop's local day can have.
const offsets = Array.from({ length: (840 + 720) / 15 + 1 }, (_, index) => -720 + index * 15);

/** 店铺时区: the shop's offset from UTC, searchable (`+08`, `北京`). */
export const TimeZoneSelect = ({
  label,
  value,
  onChange,
}: {
  label: string;
  value?: number;
  onChange?: (value: number) => void;
}) => (
  <Select<number>
    aria-label={label}
    showSearch={{ optionFilterProp: 'label' }}
    value={value}
    onChange={onChange}
    options={offsets.map((minutes) => ({
      value: minutes,
      label:
        minutes === china
          ? `${offsetText(minutes)}（${t('metrics.settings.timeZone.china')}）`
          : offsetText(minutes),
    }))}
    style={{ width: 220, maxWidth: '100%' }}
  />
);
