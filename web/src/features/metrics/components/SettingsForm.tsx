import {
  App,
  Button,
  Card,
  Collapse,
  DatePicker,
  Flex,
  Form,
  type FormInstance,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../../api/client.js';
import { describeError } from '../../../api/errors.js';
import type { ShopMetricSettings } from '../../../api/metrics-settings.api.js';
import { t } from '../../../i18n/i18n.js';
import {
  type AssessedPlatform,
  assessedPlatforms,
  type SettingsField,
  type SettingsGroup,
  settingsFields,
  settingsGroups,
  valueAt,
} from '../settings.fields.js';
import { useSaveShopMetricSettings, useShopAgents } from '../settings.queries.js';
import { formValuesOf, overridesFrom, type SettingsFormValues } from '../settings.values.js';
import { SettingsItem } from './SettingsItem.js';

const nameOf = (field: SettingsField) => field.key.split('.');

// The form field a server detail is about: `body.overrides.adPatterns.2` → adPatterns,
// `body.overrides.teams.旗舰店:小美` → teams.
const fieldOf = (path: string): SettingsField | undefined => {
  const key = path.replace(/^body\.overrides\.?/, '');
  return settingsFields.find((field) => key === field.key || key.startsWith(`${field.key}.`));
};

type Problem = { field: SettingsField | undefined; message: string };

/** The server's problems with a refused save; each message already names its field in Chinese. */
const problemsOf = (error: unknown): Problem[] => {
  const details = isApiError(error) && Array.isArray(error.details) ? (error.details as unknown[]) : [];
  return details.flatMap((detail) =>
    typeof detail === 'object' && detail !== null && 'path' in detail && 'message' in detail
      ? [{ field: fieldOf(String(detail.path)), message: String(detail.message) }]
      : [],
  );
};

/** Puts each problem under its field (several for one field are shown together). */
const showProblems = (form: FormInstance, problems: Problem[]) => {
  const byField = new Map<SettingsField, string[]>();
  for (const { field, message } of problems)
    if (field) byField.set(field, [...(byField.get(field) ?? []), message]);
  form.setFields([...byField].map(([field, errors]) => ({ name: nameOf(field), errors })));
};

/** A server's complaint about a field goes once the field is edited. */
const clearProblems = (form: FormInstance, changed: object) =>
  form.setFields(
    settingsFields
      .filter((field) => valueAt(changed, field.key) !== undefined)
      .map((field) => ({ name: nameOf(field), errors: [] })),
  );

const Fields = ({ fields, agents }: { fields: SettingsField[]; agents: string[] }) => (
  <Flex gap="0 16px" wrap>
    {fields.map((field) => (
      <SettingsItem key={field.key} field={field} agents={agents} />
    ))}
  </Flex>
);

const platformTitle = (platform: AssessedPlatform, own: boolean) => (
  <Flex gap={8} align="center">
    {t(`metrics.settings.platform.${platform}`)}
    {own ? <Tag color="blue">{t('metrics.settings.platform.own')}</Tag> : null}
  </Flex>
);

/**
 * 平台考核: the shop's own platform open, the other platforms folded away (a shop is assessed by
 * its own platform's rules). The folded fields are still rendered, so they are checked and saved.
 */
const PlatformFields = ({
  view,
  agents,
  othersOpen,
  setOthersOpen,
}: {
  view: ShopMetricSettings;
  agents: string[];
  othersOpen: boolean;
  setOthersOpen: (open: boolean) => void;
}) => {
  const [own, ...others] = assessedPlatforms(view.shop.platform);
  const fieldsOf = (platform: AssessedPlatform | undefined) =>
    settingsFields.filter((field) => field.platform === platform);
  return (
    <Flex vertical gap={8}>
      <Card size="small" type="inner" title={own ? platformTitle(own, true) : null}>
        <Fields fields={fieldsOf(own)} agents={agents} />
      </Card>
      <Collapse
        size="small"
        activeKey={othersOpen ? ['others'] : []}
        onChange={(keys) => setOthersOpen(keys.includes('others'))}
        items={[
          {
            key: 'others',
            label: t('metrics.settings.platform.others'),
            forceRender: true,
            children: (
              <Flex vertical gap={8}>
                {others.map((platform) => (
                  <Card key={platform} size="small" type="inner" title={platformTitle(platform, false)}>
                    <Fields fields={fieldsOf(platform)} agents={agents} />
                  </Card>
                ))}
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
};

/**
 * 修改设置: the form starts from the newest version (or the presets); saving stores the values
 * that differ from the presets as a new version from the chosen day. Every field is checked here
 * first with the server's words; what the server still refuses is shown under its field.
 */
export const SettingsForm = ({ view }: { view: ShopMetricSettings }) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsFormValues>();
  const save = useSaveShopMetricSettings(view.shop.id);
  const agents = useShopAgents(view.shop.id);
  const latest = view.versions.at(-1);
  // Today by default; a later day announces a change before it applies, an earlier one restates.
  const [effectiveFrom, setEffectiveFrom] = useState(view.today);
  const [othersOpen, setOthersOpen] = useState(false);
  const own = assessedPlatforms(view.shop.platform)[0];
  const reveal = (fields: (SettingsField | undefined)[]) => {
    if (fields.some((field) => field?.platform !== undefined && field.platform !== own)) setOthersOpen(true);
  };
  const submit = async () => {
    // Every value, folded panels included.
    const values = form.getFieldsValue(true) as SettingsFormValues;
    const overrides = overridesFrom({ kept: latest?.overrides ?? {}, values, preset: view.preset });
    try {
      await save.mutateAsync({ effectiveFrom, overrides });
      message.success(t('metrics.settings.saved', { date: effectiveFrom }));
    } catch (error) {
      const problems = problemsOf(error);
      showProblems(form, problems);
      reveal(problems.map((problem) => problem.field));
      const text = problems.map((problem) => problem.message).join('；');
      message.error(text ? `${describeError(error)}（${text}）` : describeError(error));
    }
  };
  const groupFields = (group: SettingsGroup) => settingsFields.filter((field) => field.group === group);
  return (
    <Card size="small" title={t('metrics.settings.edit')}>
      <Typography.Paragraph type="secondary">{t('metrics.settings.editHint')}</Typography.Paragraph>
      <Form<SettingsFormValues>
        form={form}
        layout="vertical"
        initialValues={formValuesOf(latest?.settings ?? view.preset)}
        onFinish={submit}
        onFinishFailed={({ errorFields }) => {
          const fields = errorFields.map(({ name }) => fieldOf(name.join('.')));
          reveal(fields);
          message.error(t('metrics.settings.problemsSummary', { count: errorFields.length }));
        }}
        scrollToFirstError={{ block: 'center' }}
        onValuesChange={(changed: object) => clearProblems(form, changed)}
        data-testid="metrics-settings-form"
      >
        {settingsGroups.map((group) => (
          <section key={group} aria-label={t(`metrics.settings.group.${group}`)} style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t(`metrics.settings.group.${group}`)}
            </Typography.Title>
            {group === 'platform' ? (
              <PlatformFields
                view={view}
                agents={agents}
                othersOpen={othersOpen}
                setOthersOpen={setOthersOpen}
              />
            ) : (
              <Fields fields={groupFields(group)} agents={agents} />
            )}
          </section>
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
