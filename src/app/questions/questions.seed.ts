import type { Question } from '../../domain/exam/index.js';
import type { Issue } from '../../domain/shared/index.js';
import { loadQuestionBank } from '../../io/questions/index.js';
import { type Db, inTransaction } from '../../store/database.js';
import {
  addQuestionVersion,
  insertQuestion,
  listOrganizationIdsForBank,
  listQuestionStates,
  setBuiltinHash,
} from '../../store/questions.repository.js';
import type { Clock } from '../accounts/index.js';
import { checkQuestion, contentHash, searchTextOf } from './questions.content.js';

export type SeedBankResult = {
  added: number;
  updated: number;
  unchanged: number;
  /** Edited or deleted locally: the bank's newer content was not applied. */
  keptLocal: number;
  /** Bank questions that failed validation and were not loaded. */
  issues: Issue[];
};

/**
 * Loads the built-in bank (data/questions) into one organisation; safe to run on every start.
 * By id and content hash: a new question is added, an unchanged one skipped, a bank update becomes
 * a new version — unless the organisation edited or deleted that question, whose choice is kept.
 */
export const seedBuiltInQuestions = async ({
  db,
  clock,
  organizationId,
  bank = loadQuestionBank(),
}: {
  db: Db;
  clock: Clock;
  organizationId: string;
  bank?: { result: Question[]; issues: Issue[] };
}): Promise<SeedBankResult> => {
  const result: SeedBankResult = {
    added: 0,
    updated: 0,
    unchanged: 0,
    keptLocal: 0,
    issues: [...bank.issues],
  };
  const states = new Map(
    (await listQuestionStates({ db, organizationId })).map((state) => [state.id, state]),
  );
  const at = clock.now();
  for (const question of bank.result) {
    const problems = checkQuestion(question);
    if (problems.length > 0) {
      result.issues.push(...problems);
      continue;
    }
    const hash = contentHash(question);
    const write = {
      organizationId,
      question,
      searchText: searchTextOf(question),
      contentHash: hash,
      createdBy: null,
      at,
    };
    const state = states.get(question.id);
    if (!state) {
      await insertQuestion({ db, write, source: 'builtin', builtinHash: hash });
      result.added++;
    } else if (state.builtinHash === hash) {
      result.unchanged++;
    } else if (state.deletedAt === null && state.contentHash === state.builtinHash) {
      await addQuestionVersion({ db, write, builtinHash: hash });
      result.updated++;
    } else {
      await setBuiltinHash({ db, organizationId, id: question.id, builtinHash: hash });
      result.keptLocal++;
    }
  }
  return result;
};

/**
 * Loads the built-in bank into every organisation (start-up): new bank questions arrive and bank
 * updates become new versions, while each organisation's own edits and deletions are kept.
 */
export const seedBuiltInQuestionsEverywhere = async ({ db, clock }: { db: Db; clock: Clock }) => {
  const bank = loadQuestionBank();
  const results: SeedBankResult[] = [];
  for (const organizationId of await listOrganizationIdsForBank({ db })) {
    results.push(
      await inTransaction(db, (trx) => seedBuiltInQuestions({ db: trx, clock, organizationId, bank })),
    );
  }
  return results;
};
