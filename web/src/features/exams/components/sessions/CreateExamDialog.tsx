import { App, Form, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { describeError } from '../../../../api/errors.js';
import { t } from '../../../../i18n/i18n.js';
import { useCreateExam, usePaperList } from '../../manage.queries.js';
import { CandidateFields, type ExamFormValues, refusalFields, TitleAndWindow } from './ExamFormFields.js';

type Values = ExamFormValues & { paperId: string };

/** 发起考试: a paper, a title, the window it is open, and who sits it (agents and/or whole teams). */
export const CreateExamDialog = ({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (examId: string) => void;
}) => {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const papers = usePaperList();
  const create = useCreateExam();
  const onFinish = (values: Values) =>
    create.mutate(
      {
        paperId: values.paperId,
        title: values.title.trim(),
        opensAt: values.window[0].toISOString(),
        closesAt: values.window[1].toISOString(),
        userIds: values.userIds ?? [],
        teamIds: values.teamIds ?? [],
      },
      {
        onSuccess: (exam) => {
          message.success(t('exams.sessions.created', { count: exam.assigned }));
          form.resetFields();
          onCreated(exam.id);
        },
        onError: (error) => {
          form.setFields(refusalFields(error));
          message.error(describeError(error));
        },
      },
    );
  return (
    <Modal
      open={open}
      title={t('exams.sessions.create')}
      okText={t('exams.sessions.createOk')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="create-exam"
        onFinish={onFinish}
        requiredMark={false}
        // Most sittings open at once, for a day; the picker changes either end.
        initialValues={{ window: [dayjs().startOf('minute'), dayjs().startOf('minute').add(1, 'day')] }}
        onValuesChange={(changed: Partial<Values>) => {
          // The paper's title is a good first title for the sitting.
          const paper = papers.data?.find((one) => one.id === changed.paperId);
          if (paper && !form.getFieldValue('title')) form.setFieldValue('title', paper.title);
        }}
      >
        <Form.Item
          name="paperId"
          label={t('exams.sessions.paper')}
          rules={[{ required: true, message: t('exams.sessions.paperRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={papers.isLoading}
            options={(papers.data ?? []).map((paper) => ({
              value: paper.id,
              label: `${paper.title}（${t('exams.papers.total', { points: paper.totalPoints })}）`,
            }))}
          />
        </Form.Item>
        <TitleAndWindow />
        <CandidateFields required />
      </Form>
    </Modal>
  );
};
