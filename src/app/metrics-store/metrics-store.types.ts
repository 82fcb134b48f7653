import type { Actor, Clock } from '../accounts/index.js';
import type { Db } from '../../store/database.js';

/** What every stored-metrics use-case needs besides its input. */
export type MetricsStoreDeps = { db: Db; clock: Clock; actor: Actor };
