import type { Db } from '../../store/database.js';
import type { Actor, Clock } from '../accounts/index.js';
import type { RuleLibrary } from '../compliance/index.js';

/** What the exam use-cases need; `library` (the compliance rules) grades 话术题, built-in by default. */
export type ExamsDeps = { db: Db; clock: Clock; actor: Actor; library?: RuleLibrary | undefined };

/** What grading and the deadline sweeper need: no actor, they act for the system. */
export type GradingDeps = { db: Db; clock: Clock; library?: RuleLibrary | undefined };
