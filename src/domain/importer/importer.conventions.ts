import type { ParsedQuestionType } from './importer.types.js';

/**
 * The wording the importer recognises, kept as data so a shop can extend it (a new site banner,
 * a new name for a question type) without touching the parser. Patterns run on text whose
 * full-width ASCII has been folded to half-width (`（` → `(`, `：` → `:`).
 */
export type ImportConventions = {
  /** Section-title words and the type they announce; `choice` leaves single/multiple to the answer. */
  typeWords: { word: string; type: ParsedQuestionType | 'choice' }[];
  /** Whole-line patterns of page furniture: page numbers, banners, download prompts. */
  furniture: RegExp[];
  /** True/false marks, as written inside parentheses or on an answer line. */
  trueMarks: string[];
  falseMarks: string[];
  /** Section-title words of case questions: prose before their tasks is shared material. */
  caseWords: string[];
  /** A whole line that starts the next case's material inside a case section. */
  caseMaterialStart: RegExp;
  /** Section-title words of scenario questions (话术题): a buyer's line to answer. */
  scenarioWords: string[];
};

export const defaultImportConventions: ImportConventions = {
  typeWords: [
    { word: '不定项选择题', type: 'multiple' },
    { word: '不定项', type: 'multiple' },
    { word: '单项选择题', type: 'single' },
    { word: '多项选择题', type: 'multiple' },
    { word: '单选题', type: 'single' },
    { word: '多选题', type: 'multiple' },
    { word: '选择题', type: 'choice' },
    { word: '判断题', type: 'true_false' },
    { word: '是非题', type: 'true_false' },
    { word: '填空题', type: 'fill_blank' },
    { word: '问答题', type: 'short_answer' },
    { word: '简答题', type: 'short_answer' },
    { word: '论述题', type: 'short_answer' },
    { word: '案例分析题', type: 'short_answer' },
    { word: '案例分析', type: 'short_answer' },
    { word: '实操题', type: 'short_answer' },
    { word: '话术题', type: 'short_answer' },
    { word: '单选', type: 'single' },
    { word: '多选', type: 'multiple' },
    { word: '判断', type: 'true_false' },
    { word: '填空', type: 'fill_blank' },
  ],
  furniture: [
    /^第\s*\d+\s*页(\s*[,/]?\s*共\s*\d+\s*页)?$/,
    /^(共\s*\d+\s*页\s*)?第\s*\d+\s*页$/,
    /^-?\s*\d+\s*-?$/,
    /^\d+\s*\/\s*\d+$/,
    /相关(文档|资料|推荐|阅读)/,
    /(下载|收藏|分享)(本|此)?(文档|文章)/,
    /合集下载|文档下载|立即下载|免费下载|点击下载|下载文档/,
    /^[•·]?\s*(菜单|首页|返回顶部|上一篇.*|下一篇.*|更多.*|展开全文|阅读全文|热门.*)$/,
    /https?:\/\/|www\./,
    /版权所有|copyright|©/i,
    /^(扫码|关注|点击).{0,20}$/,
    /^姓名[_\s]*(得分|分数|成绩)?[_\s]*$|^姓名_+\s*(得分|分数|成绩)_+$/,
  ],
  trueMarks: ['√', '✓', '✔', '对', '正确', 'T', 'Y', '是'],
  falseMarks: ['×', '✗', '✘', 'X', 'x', '错', '错误', 'F', 'N', '否'],
  caseWords: ['案例', '实操', '情景分析'],
  caseMaterialStart: /^(案例|材料|背景|背景材料|情景|情境|场景)\s*[一二三四五六七八九十\d]*\s*:/,
  scenarioWords: ['话术'],
};
