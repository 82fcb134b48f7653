import { loadPaperDefinitions, type PaperDefinition } from '../../io/questions/index.js';
import { authorize } from '../accounts/accounts.authorize.js';
import type { Actor } from '../accounts/index.js';

/** The built-in paper definitions (data/papers), e.g. the default 上岗考试; read-only for now. */
export const listPaperDefinitions = ({ actor }: { actor: Actor }): PaperDefinition[] => {
  authorize(actor, 'questions.read');
  return loadPaperDefinitions().result;
};
