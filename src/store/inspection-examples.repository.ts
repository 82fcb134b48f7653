import { type Selectable, sql } from 'kysely';
import type { Db } from './database.js';
import type { ExampleSource, InspectionExamplesTable } from './schema.inspection.js';

// 标注样本 (hand-labelled replies) of an organisation.

export type ExampleRecord = Selectable<InspectionExamplesTable> & {
  createdByLogin: string | null;
  shopName: string | null;
};

export type ExampleFilter = {
  organizationId: string;
  /** Only examples of this shop. */
  shopId?: string | undefined;
  /** Only examples labelled with this rule. */
  ruleId?: string | undefined;
  /** Only examples labelled compliant (no rule). */
  compliant?: boolean | undefined;
  /** Text the agent's reply or the buyer's message contains. */
  text?: string | undefined;
};

const filtered = (db: Db, filter: ExampleFilter) =>
  db
    .selectFrom('inspectionExamples')
    .where('inspectionExamples.organizationId', '=', filter.organizationId)
    .$if(filter.shopId !== undefined, (query) =>
      query.where('inspectionExamples.shopId', '=', filter.shopId ?? ''),
    )
    .$if(filter.ruleId !== undefined, (query) =>
      query.where(sql<boolean>`inspection_examples.rules @> ${JSON.stringify([filter.ruleId])}::jsonb`),
    )
    .$if(filter.compliant === true, (query) =>
      query.where(sql<boolean>`jsonb_array_length(inspection_examples.rules) = 0`),
    )
    .$if(filter.text !== undefined && filter.text !== '', (query) => {
      // strpos, not LIKE: the text is matched as typed, % and _ included.
      const text = filter.text ?? '';
      return query.where((eb) =>
        eb.or([
          eb(sql`strpos(inspection_examples.agent, ${text})`, '>', 0),
          eb(sql`strpos(coalesce(inspection_examples.buyer, ''), ${text})`, '>', 0),
        ]),
      );
    });

/** One page of examples, newest first (or oldest first, so an export grows at its end), and how many match. */
export const listExamples = async ({
  db,
  filter,
  limit,
  offset,
  oldestFirst = false,
}: {
  db: Db;
  filter: ExampleFilter;
  limit: number;
  offset: number;
  oldestFirst?: boolean;
}): Promise<{ examples: ExampleRecord[]; total: number }> => {
  const examples = await filtered(db, filter)
    .leftJoin('users', 'users.id', 'inspectionExamples.createdBy')
    .leftJoin('shops', 'shops.id', 'inspectionExamples.shopId')
    .selectAll('inspectionExamples')
    .select(['users.login as createdByLogin', 'shops.name as shopName'])
    .orderBy('inspectionExamples.createdAt', oldestFirst ? 'asc' : 'desc')
    .orderBy('inspectionExamples.id')
    .limit(limit)
    .offset(offset)
    .execute();
  const counted = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return { examples, total: Number(counted.count) };
};

export type ExampleInput = {
  shopId: string | null;
  agent: string;
  buyer: string | null;
  rules: string[];
  note: string;
  source: ExampleSource;
};

export const insertExamples = async ({
  db,
  organizationId,
  examples,
  createdBy,
  at,
}: {
  db: Db;
  organizationId: string;
  examples: ExampleInput[];
  createdBy: string | null;
  at: Date;
}): Promise<{ id: string }[]> =>
  examples.length === 0
    ? []
    : db
        .insertInto('inspectionExamples')
        .values(
          examples.map((example) => ({
            organizationId,
            ...example,
            rules: JSON.stringify(example.rules),
            createdBy,
            createdAt: at,
            updatedAt: at,
          })),
        )
        .returning('id')
        .execute();

export const updateExample = async ({
  db,
  organizationId,
  id,
  example,
  at,
}: {
  db: Db;
  organizationId: string;
  id: string;
  /** Where an example came from stays as it was. */
  example: Omit<ExampleInput, 'source'>;
  at: Date;
}): Promise<boolean> =>
  (
    await db
      .updateTable('inspectionExamples')
      .set({ ...example, rules: JSON.stringify(example.rules), updatedAt: at })
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst()
  ).numUpdatedRows > 0n;

export const deleteExample = async ({
  db,
  organizationId,
  id,
}: {
  db: Db;
  organizationId: string;
  id: string;
}): Promise<boolean> =>
  (
    await db
      .deleteFrom('inspectionExamples')
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst()
  ).numDeletedRows > 0n;
