import { AppError, type ErrorDetail } from '../accounts/index.js';

/** The catalogue of question-bank errors; the server maps `.not_found` to 404 and `.conflict` to 409. */
export const questionsErrors = {
  notFound: (id: string) => new AppError('questions.not_found', `试题 ${id} 不存在`),
  /** Some questions failed validateQuestion; each detail names `body.questions[i].field`. */
  invalid: (details: ErrorDetail[], count: number) =>
    new AppError('questions.invalid', `${count} 道试题未通过校验，没有导入任何试题`, details),
  idTaken: (details: ErrorDetail[]) =>
    new AppError('questions.conflict', '试题编号已被使用，没有导入任何试题', details),
  idChanged: () =>
    new AppError('validation.failed', '不能修改试题编号', [
      { path: 'body.id', message: '编号与地址中的不一致' },
    ]),
  fileTooLarge: (limitBytes: number) =>
    new AppError('questions.file_too_large', `文件超过 ${Math.round(limitBytes / 1024 / 1024)} MB`, [
      { path: 'body.contentBase64', message: '文件过大' },
    ]),
  unreadableFile: (filename: string, reason: string) =>
    new AppError('questions.unreadable_file', `无法读取文件 ${filename}：${reason}`, [
      { path: 'body.contentBase64', message: reason },
    ]),
  emptyImport: () =>
    new AppError('validation.failed', '没有要导入的试题', [{ path: 'body.questions', message: '列表为空' }]),
};
