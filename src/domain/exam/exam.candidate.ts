import type { PaperQuestion, PaperSpec, ReleasePolicy } from './exam.paper.js';
import type { Question, QuestionType } from './exam.types.js';

// What a candidate may see of a question: built field by field from an allow-list, so an answer
// key, a reference answer, a rubric or an explanation can never travel by accident.

export type CandidateQuestion = {
  key: string;
  type: QuestionType;
  stem: string;
  points: number;
  /** In the attempt's display order. */
  options?: string[];
  /** How many blanks a fill-in has. */
  blanks?: number;
  /** A case's shared material. */
  material?: string;
  /** What the buyer writes in a scenario (话术题). */
  buyerText?: string;
  subQuestions?: CandidateQuestion[];
};

/** The question as its candidate sees it in this attempt. */
export const candidateQuestion = (question: Question, entry: PaperQuestion): CandidateQuestion => {
  const view: CandidateQuestion = {
    key: entry.key,
    type: question.type,
    stem: question.stem,
    points: entry.points,
  };
  if (question.type === 'single' || question.type === 'multiple') {
    const order = entry.optionOrder ?? question.options.map((_, index) => index);
    view.options = order.map((index) => question.options[index] ?? '');
  }
  if (question.type === 'fill_blank') view.blanks = question.answer.length;
  if (question.type === 'scenario') view.buyerText = question.buyerText;
  if (question.type === 'case') {
    view.material = question.material;
    const scale = question.points > 0 ? entry.points / question.points : 0;
    view.subQuestions = question.subQuestions.map((sub, index) =>
      candidateQuestion(sub, {
        ...entry,
        key: String(index),
        points: Math.round(sub.points * scale * 100) / 100,
        optionOrder: null,
      }),
    );
  }
  return view;
};

const released = (policy: ReleasePolicy, submitted: boolean, closed: boolean) =>
  submitted && (policy === 'on_submit' || (policy === 'after_close' && closed));

/** Whether the candidate may see the score and the key now, under the paper's release policy. */
export const releaseOf = ({
  spec,
  now,
  closesAt,
  submitted,
}: {
  spec: Pick<PaperSpec, 'showScore' | 'showKey'>;
  now: Date;
  closesAt: Date;
  submitted: boolean;
}): { score: boolean; key: boolean } => {
  const closed = now.getTime() >= closesAt.getTime();
  return {
    score: released(spec.showScore, submitted, closed),
    key: released(spec.showKey, submitted, closed),
  };
};
