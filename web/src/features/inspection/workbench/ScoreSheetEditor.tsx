import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Flex, Form, type FormInstance, Input } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ScoreSheet, ScoreSheetInput } from '../../../api/inspection.api.js';
import { isApiError } from '../../../api/client.js';
import { describeError } from '../../../api/errors.js';
import { useIsMobile } from '../../../components/useIsMobile.js';
import { t } from '../../../i18n/i18n.js';
import { useSaveScoreSheet } from './queries.js';
import {
  type Draft,
  type ItemDraft,
  type ItemField,
  limits,
  ScoreSheetItemCard,
  SheetTotal,
} from './ScoreSheetItemCard.js';

/** What the editor is open for: a new sheet, a new version of one, or a new sheet copied from one. */
export type EditorState = { mode: 'create' } | { mode: 'edit' | 'copy'; sheet: ScoreSheet };

const blankItem: ItemDraft = { label: '', points: 10, description: '' };

const draftOf = (state: EditorState): Draft =>
  state.mode === 'create'
    ? { title: '', items: [{ ...blankItem }] }
    : {
        title:
          state.mode === 'copy'
            ? t('inspection.sheets.copyTitle', { title: state.sheet.title })
            : state.sheet.title,
        items: state.sheet.items.map((item) => ({ ...item, description: item.description ?? '' })),
      };

const inputOf = (draft: Draft): ScoreSheetInput => ({
  title: draft.title.trim(),
  items: draft.items.map((item) => {
    const description = item.description?.trim();
    return { label: item.label.trim(), points: item.points ?? 0, ...(description ? { description } : {}) };
  }),
});

type FieldPath = ['title'] | ['items'] | ['items', number, ItemField];

/** A refusal's detail path as a form field: `body.items[2].points` or `body.items.2.points`. */
const fieldOf = (path: string): FieldPath | undefined => {
  const match = /^body\.(title|items)(?:(?:\.|\[)(\d+)\]?(?:\.(label|points|description))?)?$/.exec(path);
  if (!match) return undefined;
  if (match[1] === 'title') return ['title'];
  return match[2] === undefined ? ['items'] : ['items', Number(match[2]), (match[3] ?? 'label') as ItemField];
};

/** Puts each problem the server names under its field. */
const showRefusal = (form: FormInstance<Draft>, error: unknown) => {
  const details: unknown[] = isApiError(error) && Array.isArray(error.details) ? error.details : [];
  const fields = new Map<string, { name: FieldPath; errors: string[] }>();
  for (const detail of details) {
    if (typeof detail !== 'object' || detail === null) continue;
    const { path, message } = detail as { path?: unknown; message?: unknown };
    const name = fieldOf(String(path));
    if (!name || typeof message !== 'string') continue;
    const entry = fields.get(name.join('.')) ?? { name, errors: [] };
    entry.errors.push(message);
    fields.set(name.join('.'), entry);
  }
  form.setFields([...fields.values()]);
};

// A refused save carries the server's own zh-CN reason (e.g. why the items are fixed); the generic
// translation of its code would hide it.
const refusalText = (error: unknown) =>
  isApiError(error) && (error.status === 400 || error.status === 409) && error.message
    ? error.message
    : describeError(error);

const listRules = [
  {
    validator: async (_: unknown, items: ItemDraft[] | undefined) => {
      if (!items || items.length === 0) throw new Error(t('inspection.sheets.error.empty'));
      if (items.length > limits.items) throw new Error(t('inspection.sheets.error.tooMany'));
    },
  },
];

/** 评分表编辑: title and items (name, full points, criteria), reordered and checked as typed. */
export const ScoreSheetEditor = ({
  state,
  onClose,
}: {
  state: EditorState | undefined;
  onClose: () => void;
}) => {
  const { message, modal } = App.useApp();
  const mobile = useIsMobile();
  const [form] = Form.useForm<Draft>();
  const save = useSaveScoreSheet();
  const editing = state?.mode === 'edit' ? state.sheet : undefined;
  const locked = editing !== undefined && editing.scored > 0;
  const initial = useMemo(() => (state ? draftOf(state) : undefined), [state]);
  // Unsaved means different from what was opened (moves and removals included), not merely touched.
  const close = () => {
    if (!initial || JSON.stringify(inputOf(form.getFieldsValue(true))) === JSON.stringify(inputOf(initial)))
      return onClose();
    modal.confirm({
      title: t('inspection.sheets.discard'),
      okText: t('inspection.sheets.discardOk'),
      cancelText: t('inspection.sheets.keepEditing'),
      onOk: onClose,
    });
  };
  // Each item's name is checked against the items above it, and its messages name its place
  // (第 N 项): when names change or items move, the names already checked are checked again, after
  // the fields have taken their new places.
  const [moves, setMoves] = useState(0);
  const watched: (ItemDraft | undefined)[] = Form.useWatch('items', form) ?? [];
  const labels = watched.map((item) => item?.label ?? '').join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: a move changes places, not names
  useEffect(() => {
    const paths = labels
      .split('\n')
      .map((_, index): FieldPath => ['items', index, 'label'])
      .filter((path) => form.isFieldTouched(path) || form.getFieldError(path).length > 0);
    if (paths.length > 0) form.validateFields(paths).catch(() => undefined);
  }, [labels, moves, form]);
  const submit = async (draft: Draft) => {
    try {
      const saved = await save.mutateAsync({ id: editing?.id, input: inputOf(draft) });
      message.success(
        editing
          ? t('inspection.sheets.saved', { version: saved.version })
          : t('inspection.sheets.created', { title: saved.title }),
      );
      onClose();
    } catch (error) {
      showRefusal(form, error);
      message.error(refusalText(error));
    }
  };
  const title = !state
    ? ''
    : state.mode === 'create'
      ? t('inspection.sheets.createTitle')
      : state.mode === 'copy'
        ? t('inspection.sheets.copyDrawer')
        : t('inspection.sheets.editTitle', { version: state.sheet.version });
  return (
    <Drawer
      open={state !== undefined}
      onClose={close}
      size={mobile ? '100%' : 720}
      title={title}
      destroyOnHidden
      footer={
        state && (
          <Flex justify="space-between" align="center" gap={12} wrap>
            <SheetTotal form={form} />
            <Flex gap={8}>
              <Button onClick={close}>{t('inspection.sheets.cancel')}</Button>
              <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
                {editing
                  ? t('inspection.sheets.saveVersion', { version: editing.version + 1 })
                  : t('inspection.sheets.create')}
              </Button>
            </Flex>
          </Flex>
        )
      }
    >
      {state && (
        <Form<Draft>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={submit}
          data-testid="sheet-editor"
        >
          {locked && (
            <Alert
              type="info"
              showIcon
              title={t('inspection.sheets.locked', { scored: editing.scored })}
              style={{ marginBottom: 16 }}
            />
          )}
          <Form.Item
            name="title"
            label={t('inspection.sheets.name')}
            rules={[
              { required: true, whitespace: true, message: t('inspection.sheets.error.titleRequired') },
              { max: limits.title, message: t('inspection.sheets.error.titleLong') },
            ]}
          >
            <Input
              placeholder={t('inspection.sheets.namePlaceholder')}
              count={{ show: true, max: limits.title }}
            />
          </Form.Item>
          <Form.List name="items" rules={listRules}>
            {(fields, { add, move, remove }, { errors }) => (
              <Flex vertical gap={12}>
                {fields.map((field) => (
                  <ScoreSheetItemCard
                    key={field.key}
                    form={form}
                    name={field.name}
                    count={fields.length}
                    locked={locked}
                    move={(from, to) => {
                      move(from, to);
                      setMoves((count) => count + 1);
                    }}
                    remove={(index) => {
                      remove(index);
                      setMoves((count) => count + 1);
                    }}
                  />
                ))}
                <Form.Item>
                  <Button
                    icon={<PlusOutlined />}
                    disabled={locked || fields.length >= limits.items}
                    onClick={() => add({ ...blankItem })}
                  >
                    {t('inspection.sheets.addItem')}
                  </Button>
                  <Form.ErrorList errors={errors} />
                </Form.Item>
              </Flex>
            )}
          </Form.List>
        </Form>
      )}
    </Drawer>
  );
};
