import { AppError } from '../accounts/index.js';

/** The catalogue of inspection (质检) errors. */
export const inspectionErrors = {
  badPeriod: (path: string, message: string) =>
    new AppError('validation.failed', `质检周期有误：${message}`, [{ path, message }]),
  runNotFound: () => new AppError('inspection.not_found', '质检任务不存在'),
  runBusy: () => new AppError('inspection.conflict', '已有质检任务在运行，请等它完成后再试'),
  findingNotFound: () => new AppError('inspection.not_found', '质检结果不存在'),
  conversationNotFound: () => new AppError('inspection.not_found', '会话不存在'),
  wrongState: (status: string, expected: readonly string[]) =>
    new AppError(
      'inspection.conflict',
      `这条质检结果当前为「${statusNames[status] ?? status}」，只有「${expected.map((one) => statusNames[one] ?? one).join('、')}」状态才能这样处理`,
      [{ path: 'status', message: status }],
    ),
  notYours: () => new AppError('inspection.not_found', '质检结果不存在'),
  shopNotFound: (path: string) =>
    new AppError('validation.failed', '店铺不存在', [{ path, message: '店铺不存在' }]),
  invalid: (details: { path: string; message: string }[]) =>
    new AppError('validation.failed', details.map((detail) => detail.message).join('；'), details),
  sheetNotFound: () => new AppError('inspection.not_found', '评分表不存在'),
  exampleNotFound: () => new AppError('inspection.not_found', '标注样本不存在'),
  sheetScored: (scored: number) =>
    new AppError(
      'inspection.conflict',
      `已有 ${scored} 个抽检按这张评分表评了分，评分项的数量和分值不能再改（名称和评分标准可以改）；要调整请复制为新评分表`,
      [
        {
          path: 'body.items',
          message: `已有 ${scored} 个抽检按这张评分表评了分，评分项的数量和分值不能再改`,
        },
      ],
    ),
  sheetInUse: (samples: number) =>
    new AppError('inspection.conflict', `这张评分表已用于 ${samples} 个抽检，不能删除`),
  sampleNotFound: () => new AppError('inspection.not_found', '抽检记录不存在'),
};

const statusNames: Record<string, string> = {
  open: '待审核',
  confirmed: '已确认',
  dismissed: '已驳回',
  appealed: '申诉中',
  appeal_upheld: '申诉成立',
  appeal_rejected: '申诉不成立',
};
