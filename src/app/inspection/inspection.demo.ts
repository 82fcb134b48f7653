import type { Db } from '../../store/database.js';
import { insertScoreSheet, listScoreSheets } from '../../store/score-sheets.repository.js';
import type { Clock } from '../accounts/index.js';
import { dayText } from './inspection.scope.js';
import { startInspectionRun } from './inspection.run.js';

// The demo organisation's 质检 workbench is not empty on a first start: a default score sheet and
// a finished inspection run over every stored demo chat.

/** The default 质检评分表: the service steps a reviewer scores in a sampled conversation. */
export const defaultScoreSheet = {
  title: '客服质检评分表（默认）',
  items: [
    { label: '问候与礼貌', points: 10, description: '人工首句有问候，全程用语礼貌，不与买家争执' },
    { label: '响应及时', points: 15, description: '买家提问后及时回复，不让买家久等' },
    { label: '解答准确', points: 25, description: '商品、物流、售后信息准确，不随口承诺' },
    { label: '平台规则合规', points: 30, description: '无引导站外、线下交易、拒开发票等高压线行为' },
    { label: '促成与跟进', points: 10, description: '适时推荐、催付，售后问题给出明确处理方案' },
    { label: '结束语', points: 10, description: '礼貌结束，邀请买家再次咨询' },
  ],
};

export const seedDemoInspection = async ({
  db,
  clock,
  organizationId,
}: {
  db: Db;
  clock: Clock;
  organizationId: string;
}) => {
  if ((await listScoreSheets({ db, organizationId })).length === 0)
    await insertScoreSheet({
      db,
      sheet: { organizationId, ...defaultScoreSheet, createdBy: null, at: clock.now() },
    });
  const range = await db
    .selectFrom('messages')
    .select((eb) => [eb.fn.min('day').as('from'), eb.fn.max('day').as('to')])
    .where('organizationId', '=', organizationId)
    .executeTakeFirst();
  if (range?.from == null || range.to == null) return null;
  const actor = { userId: null, login: 'kefu-demo', organizationId, role: 'admin' as const, ip: null };
  const { done } = await startInspectionRun({
    db,
    clock,
    actor,
    from: dayText(Number(range.from)),
    to: dayText(Number(range.to)),
  });
  return done;
};
