import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { t } from '../../../i18n/i18n.js';

const format = 'YYYY-MM-DD';

/** A required period (both ends, shop days) for 抽检 and 质检得分. */
export const PeriodPicker = ({
  value,
  onChange,
}: {
  value: { from: string; to: string };
  onChange: (period: { from: string; to: string }) => void;
}) => (
  <DatePicker.RangePicker
    aria-label={t('inspection.run.period')}
    allowClear={false}
    value={[dayjs(value.from), dayjs(value.to)]}
    onChange={(range) => {
      const [from, to] = range ?? [];
      if (from && to) onChange({ from: from.format(format), to: to.format(format) });
    }}
  />
);
