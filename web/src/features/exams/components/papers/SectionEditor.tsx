import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, InputNumber, List, Radio, Select, Slider, Typography } from 'antd';
import { useState } from 'react';
import type { PaperSection } from '../../../../api/exams-admin.api.js';
import { type QuestionType, questionTypes } from '../../../../api/questions.api.js';
import { EllipsisText } from '../../../../components/EllipsisText.js';
import { t } from '../../../../i18n/i18n.js';
import { typeLabel } from '../../exams.labels.js';
import { sectionCount } from '../../manage.papers.js';
import { QuestionPicker } from './QuestionPicker.js';
import { useTagOptions } from './useTagOptions.js';

const Label = ({ children }: { children: string }) => (
  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
    {children}
  </Typography.Text>
);

const DrawFields = ({
  section,
  onChange,
}: {
  section: PaperSection;
  onChange: (next: PaperSection) => void;
}) => {
  const tagOptions = useTagOptions();
  const draw = section.draw ?? { count: 1 };
  const range = draw.difficulty ?? [1, 5];
  return (
    <Flex gap={16} wrap align="end">
      <Flex vertical>
        <Label>{t('exams.compose.drawCount')}</Label>
        <InputNumber
          aria-label={t('exams.compose.drawCount')}
          min={1}
          max={500}
          precision={0}
          value={draw.count}
          onChange={(count) => onChange({ ...section, draw: { ...draw, count: count ?? 1 } })}
        />
      </Flex>
      <Flex vertical style={{ flex: '1 1 220px' }}>
        <Label>{t('exams.compose.drawTags')}</Label>
        <Select<string[]>
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('exams.compose.drawTags')}
          placeholder={t('exams.papers.anyTag')}
          value={draw.tags ?? []}
          onChange={(tags) => onChange({ ...section, draw: { ...draw, tags } })}
          options={tagOptions}
          maxTagCount="responsive"
        />
      </Flex>
      <Flex vertical style={{ flex: '0 1 200px', minWidth: 160 }}>
        <Label>{t('exams.compose.drawDifficulty', { min: range[0], max: range[1] })}</Label>
        <Slider
          range
          min={1}
          max={5}
          marks={{ 1: '1', 5: '5' }}
          value={range}
          onChange={(value) =>
            onChange({ ...section, draw: { ...draw, difficulty: [value[0] ?? 1, value[1] ?? 5] } })
          }
        />
      </Flex>
    </Flex>
  );
};

const FixedFields = ({
  section,
  stems,
  onChange,
  onStems,
}: {
  section: PaperSection;
  stems: ReadonlyMap<string, string>;
  onChange: (next: PaperSection) => void;
  onStems: (stems: Map<string, string>) => void;
}) => {
  const [picking, setPicking] = useState(false);
  const ids = section.questionIds ?? [];
  const move = (from: number, to: number) => {
    const next = [...ids];
    const [moved] = next.splice(from, 1);
    if (moved !== undefined) next.splice(to, 0, moved);
    onChange({ ...section, questionIds: next });
  };
  return (
    <>
      <Button onClick={() => setPicking(true)}>{t('exams.compose.pick', { count: ids.length })}</Button>
      {ids.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 8, maxHeight: 280, overflowY: 'auto' }}
          dataSource={ids}
          renderItem={(id, index) => (
            <List.Item
              style={{ paddingInline: 0 }}
              actions={[
                <Button
                  key="up"
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  aria-label={t('exams.compose.up')}
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                />,
                <Button
                  key="down"
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  aria-label={t('exams.compose.down')}
                  disabled={index === ids.length - 1}
                  onClick={() => move(index, index + 1)}
                />,
                <Button
                  key="remove"
                  size="small"
                  type="text"
                  icon={<CloseOutlined />}
                  aria-label={t('exams.compose.removeQuestion')}
                  onClick={() => onChange({ ...section, questionIds: ids.filter((one) => one !== id) })}
                />,
              ]}
            >
              <Flex gap={8} style={{ minWidth: 0, flex: 1 }}>
                <Typography.Text type="secondary">{index + 1}.</Typography.Text>
                <EllipsisText text={stems.get(id) ?? id} />
              </Flex>
            </List.Item>
          )}
        />
      )}
      <QuestionPicker
        open={picking}
        type={section.type}
        selected={ids}
        onClose={() => setPicking(false)}
        onPick={(picked, pickedStems) => {
          onStems(pickedStems);
          onChange({ ...section, questionIds: picked });
          setPicking(false);
        }}
      />
    </>
  );
};

/** One section of a paper: its title and type, points each, and fixed questions or a random draw. */
export const SectionEditor = ({
  section,
  index,
  stems,
  onChange,
  onStems,
  onRemove,
}: {
  section: PaperSection;
  index: number;
  stems: ReadonlyMap<string, string>;
  onChange: (next: PaperSection) => void;
  onStems: (stems: Map<string, string>) => void;
  onRemove: (() => void) | null;
}) => {
  const fixed = section.questionIds !== undefined;
  const changeType = (type: QuestionType) =>
    // Fixed questions were picked for the old type; a random draw carries over.
    onChange({
      ...section,
      type,
      title: section.title === typeLabel(section.type) ? typeLabel(type) : section.title,
      ...(fixed ? { questionIds: [] } : {}),
    });
  return (
    <Card
      size="small"
      data-testid="paper-section"
      title={t('exams.compose.sectionN', { n: index + 1 })}
      extra={
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">
            {t('exams.compose.sectionTotal', {
              count: sectionCount(section),
              points: Math.round(sectionCount(section) * section.pointsEach * 100) / 100,
            })}
          </Typography.Text>
          {onRemove && (
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('exams.compose.removeSection')}
              onClick={onRemove}
            />
          )}
        </Flex>
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Flex vertical style={{ flex: '2 1 200px' }}>
          <Label>{t('exams.compose.sectionTitle')}</Label>
          <Input
            aria-label={t('exams.compose.sectionTitle')}
            value={section.title}
            maxLength={200}
            onChange={(event) => onChange({ ...section, title: event.target.value })}
          />
        </Flex>
        <Flex vertical>
          <Label>{t('exams.bank.type')}</Label>
          <Select<QuestionType>
            aria-label={t('exams.bank.type')}
            value={section.type}
            onChange={changeType}
            options={questionTypes.map((value) => ({ value, label: typeLabel(value) }))}
            style={{ width: 110 }}
          />
        </Flex>
        <Flex vertical>
          <Label>{t('exams.compose.pointsEach')}</Label>
          <InputNumber
            aria-label={t('exams.compose.pointsEach')}
            min={0.5}
            max={1000}
            step={0.5}
            value={section.pointsEach}
            onChange={(points) => onChange({ ...section, pointsEach: points ?? 1 })}
          />
        </Flex>
        <Flex vertical>
          <Label>{t('exams.compose.mode')}</Label>
          <Radio.Group
            optionType="button"
            value={fixed ? 'fixed' : 'draw'}
            onChange={(event) => {
              const { questionIds: _ids, draw: _draw, ...base } = section;
              onChange(
                event.target.value === 'fixed'
                  ? { ...base, questionIds: [] }
                  : { ...base, draw: { count: 10 } },
              );
            }}
            options={[
              { value: 'fixed', label: t('exams.compose.modeFixed') },
              { value: 'draw', label: t('exams.compose.modeDraw') },
            ]}
          />
        </Flex>
      </Flex>
      {fixed ? (
        <FixedFields section={section} stems={stems} onChange={onChange} onStems={onStems} />
      ) : (
        <DrawFields section={section} onChange={onChange} />
      )}
    </Card>
  );
};
