import { AppError } from '../accounts/index.js';

/** The catalogue of errors of the stored KPI records (imports, metrics over the database). */
export const metricsStoreErrors = {
  shopNotFound: () => new AppError('not_found', '店铺不存在'),
  unknownShop: (name: string, known: string[]) =>
    new AppError(
      'validation.failed',
      `记录中的店铺「${name}」不存在；请先创建店铺，或导入时指定店铺（已有：${known.join('、') || '无'}）`,
      [{ path: 'shop', message: `未知店铺：${name}` }],
    ),
  badPeriod: (message: string) =>
    new AppError('validation.failed', message, [{ path: 'query.from', message }]),
  unknownMetric: (metric: string) =>
    new AppError('validation.failed', `未知指标：${metric}`, [
      { path: 'query.metric', message: `未知指标：${metric}` },
    ]),
  orderNotFound: (shop: string, order: string) =>
    new AppError('metrics.order.not_found', `店铺「${shop}」没有订单 ${order}`),
  agentDidNotServe: (agent: string) =>
    new AppError('validation.failed', `「${agent}」没有接待过这位买家，不能把订单改判给他`, [
      { path: 'body.agent', message: '只能改判给接待过这位买家的客服' },
    ]),
  importBusy: () => new AppError('metrics.import.conflict', '已有一个导入任务正在进行，请等它结束后再导入'),
  importNotFound: () => new AppError('not_found', '导入任务不存在'),
  agentForbidden: () => new AppError('auth.forbidden', '客服只能查看自己的绩效数据'),
};
