import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, InputNumber, Switch } from 'antd';
import type { MetricsSettings } from '../../../api/metrics-settings.api.js';
import { t } from '../../../i18n/i18n.js';

type Tier = MetricsSettings['jd']['tiers'][number];

/** 京东售后服务分档位: one row a tier, best first — lowest score, name, 达标 or not, penalty in 元. */
export const TiersInput = ({
  value = [],
  onChange,
}: {
  value?: Tier[];
  onChange?: (tiers: Tier[]) => void;
}) => {
  const update = (index: number, change: Partial<Tier>) =>
    onChange?.(value.map((tier, at) => (at === index ? { ...tier, ...change } : tier)));
  const lowest = value.at(-1)?.min ?? 100;
  return (
    <Flex vertical gap={6} data-testid="metrics-settings-tiers">
      {value.map((tier, index) => {
        const n = index + 1;
        return (
          // Tiers have no id of their own: their place in the list is what they are.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Flex key={index} gap={6} align="center" wrap>
            <InputNumber<number>
              aria-label={`${t('metrics.settings.tiers.min')} ${n}`}
              min={0}
              max={100}
              value={tier.min}
              onChange={(min) => update(index, { min: min ?? 0 })}
              suffix={t('metrics.settings.unit.points')}
              style={{ width: 100 }}
            />
            <Input
              aria-label={`${t('metrics.settings.tiers.name')} ${n}`}
              value={tier.name}
              maxLength={50}
              onChange={(event) => update(index, { name: event.target.value })}
              style={{ flex: '1 1 180px', minWidth: 0 }}
            />
            <Switch
              aria-label={`${t('metrics.settings.tiers.passed')} ${n}`}
              checked={tier.passed}
              checkedChildren={t('metrics.settings.tiers.passed')}
              unCheckedChildren={t('metrics.settings.tiers.failed')}
              onChange={(passed) => update(index, { passed })}
            />
            <InputNumber<number>
              aria-label={`${t('metrics.settings.tiers.penalty')} ${n}`}
              min={0}
              value={tier.penalty}
              onChange={(penalty) => update(index, { penalty: penalty ?? 0 })}
              suffix={t('metrics.settings.unit.yuan')}
              style={{ width: 130 }}
            />
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={`${t('metrics.settings.tiers.remove')} ${n}`}
              disabled={value.length === 1}
              onClick={() => onChange?.(value.filter((_, at) => at !== index))}
            />
          </Flex>
        );
      })}
      <Button
        icon={<PlusOutlined />}
        onClick={() =>
          onChange?.([...value, { min: Math.max(0, lowest - 10), name: '', passed: false, penalty: 0 }])
        }
        style={{ alignSelf: 'flex-start' }}
      >
        {t('metrics.settings.tiers.add')}
      </Button>
    </Flex>
  );
};
