import { Alert, App, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import type { ExamSummary, UpdateExamInput } from '../../../../api/exams-admin.api.js';
import { describeError } from '../../../../api/errors.js';
import { t } from '../../../../i18n/i18n.js';
import { useUpdateExam } from '../../manage.queries.js';
import { CandidateFields, type ExamFormValues, refusalFields, TitleAndWindow } from './ExamFormFields.js';

/** 调整考试: rename, move the window (extend or close early), add agents or teams. */
export const EditExamDialog = ({
  exam,
  open,
  onClose,
}: {
  exam: ExamSummary;
  open: boolean;
  onClose: () => void;
}) => {
  const [form] = Form.useForm<ExamFormValues>();
  const { message } = App.useApp();
  const update = useUpdateExam();
  const onFinish = (values: ExamFormValues) => {
    // Only what changed is sent: an unchanged window must not move active deadlines.
    const [opensAt, closesAt] = values.window;
    const input: UpdateExamInput = {
      ...(values.title.trim() !== exam.title ? { title: values.title.trim() } : {}),
      ...(opensAt.toISOString() !== new Date(exam.opensAt).toISOString()
        ? { opensAt: opensAt.toISOString() }
        : {}),
      ...(closesAt.toISOString() !== new Date(exam.closesAt).toISOString()
        ? { closesAt: closesAt.toISOString() }
        : {}),
      ...(values.userIds?.length ? { addUserIds: values.userIds } : {}),
      ...(values.teamIds?.length ? { addTeamIds: values.teamIds } : {}),
    };
    update.mutate(
      { examId: exam.id, input },
      {
        onSuccess: (updated) => {
          message.success(t('exams.sessions.updated', { count: updated.assigned }));
          onClose();
        },
        onError: (error) => {
          form.setFields(refusalFields(error));
          message.error(describeError(error));
        },
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('exams.sessions.edit')}
      okText={t('exams.sessions.editOk')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Form<ExamFormValues>
        form={form}
        layout="vertical"
        name="edit-exam"
        onFinish={onFinish}
        requiredMark={false}
        initialValues={{ title: exam.title, window: [dayjs(exam.opensAt), dayjs(exam.closesAt)] }}
      >
        <Alert type="info" showIcon title={t('exams.sessions.editHelp')} style={{ marginBottom: 16 }} />
        <TitleAndWindow />
        <CandidateFields required={false} />
      </Form>
    </Modal>
  );
};
