import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../store/database.js';
import { createTestDatabase } from '../../store/test-utils.js';
import {
  addInspectionExamples,
  listInspectionExamples,
  removeInspectionExample,
  updateInspectionExample,
} from './inspection.examples.js';
import { exportLearningLoop } from './inspection.export.js';
import { createInspectionFixture, type InspectionFixture } from './inspection.test-utils.js';

const clock = { now: () => new Date('2026-03-10T02:00:00Z') };
const page = { limit: 50, offset: 0 };

describe('标注样本 (hand-labelled replies)', () => {
  let database: DatabaseHandle;
  let fixture: InspectionFixture;

  beforeAll(async () => {
    database = await createTestDatabase();
    fixture = await createInspectionFixture(database.db);
  });
  afterAll(() => database.close());

  const deps = () => ({ db: database.db, clock, actor: fixture.supervisor });

  test('examples are listed with what the engine finds, and whether it agrees with the label', async () => {
    await addInspectionExamples({
      ...deps(),
      examples: [
        { agent: '亲，加我薇❤信 kefu_2024 发您实拍', rules: ['offsite_contact'], note: '站外联系' },
        // A label the engine misses: the trainer sees the disagreement.
        { agent: '亲，拍下后我私下给您返二十', buyer: '能便宜吗', rules: ['price_change'] },
        { agent: '发票可以开的，按实付金额开具', rules: [] },
      ],
    });
    const { examples, total } = await listInspectionExamples({ ...deps(), query: page });
    expect(total).toBe(3);
    const byAgent = new Map(examples.map((one) => [one.agent, one]));
    expect(byAgent.get('亲，加我薇❤信 kefu_2024 发您实拍')).toMatchObject({
      rules: ['offsite_contact'],
      engine: ['offsite_contact'],
      agrees: true,
      createdBy: fixture.supervisor.login,
    });
    expect(byAgent.get('发票可以开的，按实付金额开具')).toMatchObject({
      rules: [],
      engine: [],
      agrees: true,
    });
    const compliant = await listInspectionExamples({ ...deps(), query: { ...page, compliant: true } });
    expect(compliant.examples.map((one) => one.agent)).toEqual(['发票可以开的，按实付金额开具']);
    const byRule = await listInspectionExamples({ ...deps(), query: { ...page, ruleId: 'price_change' } });
    expect(byRule.examples.map((one) => one.buyer)).toEqual(['能便宜吗']);
    const byText = await listInspectionExamples({ ...deps(), query: { ...page, text: '薇❤信' } });
    expect(byText.total).toBe(1);
  });

  test('bad drafts are refused all together, each by its place; nothing is written', async () => {
    const before = (await listInspectionExamples({ ...deps(), query: page })).total;
    await expect(
      addInspectionExamples({
        ...deps(),
        examples: [
          { agent: '好的', rules: ['no_such_rule'] },
          { agent: '  ', rules: [], at: 'reviewed.jsonl:7' },
          { agent: '亲，在的', rules: ['no_greeting'] },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'validation.failed',
      details: [
        { path: 'body.examples[0].rules', message: expect.stringContaining('不认识的规则「no_such_rule」') },
        { path: 'reviewed.jsonl:7.agent', message: '请填写客服回复' },
        // A conversation rule cannot be judged from one message.
        { path: 'body.examples[2].rules', message: expect.stringContaining('「no_greeting」') },
      ],
    });
    expect((await listInspectionExamples({ ...deps(), query: page })).total).toBe(before);
  });

  test('an example is relabelled or removed (audited); agents may do neither, nor list them', async () => {
    const { ids } = await addInspectionExamples({ ...deps(), examples: [{ agent: '爱买不买', rules: [] }] });
    const id = ids[0] ?? '';
    await updateInspectionExample({
      ...deps(),
      id,
      example: { agent: '爱买不买', rules: ['abuse'], note: '辱骂' },
    });
    const relabelled = await listInspectionExamples({ ...deps(), query: { ...page, text: '爱买不买' } });
    expect(relabelled.examples[0]).toMatchObject({ rules: ['abuse'], note: '辱骂', agrees: true });
    const agent = { ...deps(), actor: fixture.agentA };
    await expect(listInspectionExamples({ ...agent, query: page })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    await expect(removeInspectionExample({ ...agent, id })).rejects.toMatchObject({ code: 'auth.forbidden' });
    await removeInspectionExample({ ...deps(), id });
    await expect(removeInspectionExample({ ...deps(), id })).rejects.toMatchObject({
      code: 'inspection.not_found',
    });
    const actions = (await database.db.selectFrom('auditLog').select('action').execute()).map(
      (row) => row.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'inspection.examples_added',
        'inspection.example_updated',
        'inspection.example_removed',
      ]),
    );
  });

  test('the learning-loop export holds the examples as evaluation lines', async () => {
    const lines: string[] = [];
    for await (const line of exportLearningLoop({ ...deps() })) lines.push(line);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed).toContainEqual({
      id: expect.stringMatching(/^ex-/),
      buyer: '能便宜吗',
      agent: '亲，拍下后我私下给您返二十',
      rules: ['price_change'],
      note: '人工标注违规',
    });
    expect(parsed).toContainEqual(
      expect.objectContaining({ agent: '发票可以开的，按实付金额开具', rules: [] }),
    );
  });
});
