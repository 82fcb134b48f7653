import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, type FormInstance, Input, InputNumber, Typography } from 'antd';
import { t } from '../../../i18n/i18n.js';

// One item of the score-sheet editor (name, full points, criteria, its place) and the live total.

export type ItemDraft = { label: string; points: number | null; description?: string };
export type Draft = { title: string; items: ItemDraft[] };
export type ItemField = 'label' | 'points' | 'description';

// The server's limits (inspection.schemas.ts), checked here first with the same messages.
export const limits = { title: 100, label: 100, description: 500, items: 50, points: 100 };

/** One 评分项: checked against the items above it (names are unique) as it is typed. */
export const ScoreSheetItemCard = ({
  form,
  name,
  count,
  locked,
  move,
  remove,
}: {
  form: FormInstance<Draft>;
  name: number;
  count: number;
  locked: boolean;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
}) => {
  const item = t('inspection.sheets.item', { n: name + 1 });
  const duplicate = (_: unknown, value: string | undefined) => {
    const label = (value ?? '').trim();
    const items: (ItemDraft | undefined)[] = form.getFieldValue('items') ?? [];
    const earlier = items.slice(0, name).some((other) => (other?.label ?? '').trim() === label);
    return label !== '' && earlier
      ? Promise.reject(new Error(t('inspection.sheets.error.duplicate', { label })))
      : Promise.resolve();
  };
  const points = (_: unknown, value: number | null | undefined) => {
    if (value === null || value === undefined || !(value > 0))
      return Promise.reject(new Error(t('inspection.sheets.error.points')));
    if (value > limits.points) return Promise.reject(new Error(t('inspection.sheets.error.pointsMax')));
    return Promise.resolve();
  };
  return (
    <Card
      size="small"
      title={item}
      data-testid="sheet-item"
      extra={
        <Flex gap={2}>
          <Button
            type="text"
            size="small"
            icon={<ArrowUpOutlined />}
            aria-label={`${item} ${t('inspection.sheets.up')}`}
            disabled={locked || name === 0}
            onClick={() => move(name, name - 1)}
          />
          <Button
            type="text"
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label={`${item} ${t('inspection.sheets.down')}`}
            disabled={locked || name === count - 1}
            onClick={() => move(name, name + 1)}
          />
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={`${item} ${t('inspection.sheets.remove')}`}
            disabled={locked || count === 1}
            onClick={() => remove(name)}
          />
        </Flex>
      }
    >
      <Flex gap={12} wrap>
        <Form.Item
          name={[name, 'label']}
          label={t('inspection.sheets.itemLabel')}
          // A long name wraps in the box, but a name is one line: pasted line breaks become spaces.
          normalize={(value: string) => value.replace(/\s*\n\s*/g, ' ')}
          style={{ flex: '1 1 260px', minWidth: 0 }}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('inspection.sheets.error.labelRequired', { n: name + 1 }),
            },
            { max: limits.label, message: t('inspection.sheets.error.labelLong') },
            { validator: duplicate },
          ]}
        >
          <Input.TextArea
            aria-label={`${item} ${t('inspection.sheets.itemLabel')}`}
            placeholder={t('inspection.sheets.itemLabelPlaceholder')}
            autoSize={{ minRows: 1, maxRows: 3 }}
            count={{ show: true, max: limits.label }}
          />
        </Form.Item>
        <Form.Item
          name={[name, 'points']}
          label={t('inspection.sheets.itemPoints')}
          rules={[{ validator: points }]}
          style={{ width: 120 }}
        >
          <InputNumber
            aria-label={`${item} ${t('inspection.sheets.itemPoints')}`}
            disabled={locked}
            suffix="分"
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Flex>
      <Form.Item
        name={[name, 'description']}
        label={t('inspection.sheets.itemDescription')}
        rules={[{ max: limits.description, message: t('inspection.sheets.error.descriptionLong') }]}
      >
        <Input.TextArea
          aria-label={`${item} ${t('inspection.sheets.itemDescription')}`}
          placeholder={t('inspection.sheets.itemDescriptionPlaceholder')}
          autoSize={{ minRows: 1, maxRows: 5 }}
          count={{ show: true, max: limits.description }}
        />
      </Form.Item>
    </Card>
  );
};

/** 满分合计 as typed, with a warning when it is not 100. */
export const SheetTotal = ({ form }: { form: FormInstance<Draft> }) => {
  const items: (ItemDraft | undefined)[] = Form.useWatch('items', form) ?? [];
  const sum = items.reduce((total, item) => total + (typeof item?.points === 'number' ? item.points : 0), 0);
  const total = Math.round(sum * 100) / 100;
  return (
    <>
      <Typography.Text strong data-testid="sheet-total">
        {t('inspection.sheets.total', { total, count: items.length })}
      </Typography.Text>
      {items.length > 0 && total !== 100 && (
        <Typography.Text type="warning" style={{ fontSize: 12, flexBasis: '100%', order: 1 }}>
          {t('inspection.sheets.not100')}
        </Typography.Text>
      )}
    </>
  );
};
