/** The paper the exam bench sits and the answers its candidates save. */

/** 25 questions drawn from the built-in bank, as a real entry exam mixes them. */
export const paperSpec = {
  title: '压测试卷',
  description: '考试压测用卷',
  sections: [
    { title: '单选题', type: 'single', pointsEach: 2, draw: { count: 10 } },
    { title: '多选题', type: 'multiple', pointsEach: 4, draw: { count: 5 } },
    { title: '判断题', type: 'true_false', pointsEach: 2, draw: { count: 5 } },
    { title: '填空题', type: 'fill_blank', pointsEach: 4, draw: { count: 3 } },
    { title: '简答题', type: 'short_answer', pointsEach: 10, draw: { count: 2 } },
  ],
  passMark: 60,
  timeLimitMinutes: 120,
  attemptsAllowed: 1,
  shuffleQuestions: true,
  shuffleOptions: true,
  showScore: 'on_submit',
  showKey: 'after_close',
  certifies: false,
};

export type QuestionShape = { key: string; type: string; options?: string[]; blanks?: number };

/**
 * A different answer at every revision, so a lost save cannot hide behind an identical earlier
 * one: choices cycle through the options, texts carry the revision.
 */
export const answerFor = (question: QuestionShape, revision: number): unknown => {
  const options = question.options?.length ?? 2;
  switch (question.type) {
    case 'single':
      return [revision % options];
    case 'multiple':
      return [revision % options, (revision + 1) % options].sort((a, b) => a - b);
    case 'true_false':
      return revision % 2 === 0;
    case 'fill_blank':
      return Array.from({ length: question.blanks ?? 1 }, (_, blank) => `第${revision}次-${blank + 1}`);
    default:
      return `第 ${revision} 次保存的作答：先致歉，再核实订单，给出解决方案。`;
  }
};
