/** The e-commerce platforms a shop (店铺) can be on. */
export const platforms = ['tmall', 'taobao', 'pdd', 'jd', 'douyin'] as const;
export type Platform = (typeof platforms)[number];

/** zh-CN names shown in the UI. */
export const platformNames: Record<Platform, string> = {
  tmall: '天猫',
  taobao: '淘宝',
  pdd: '拼多多',
  jd: '京东',
  douyin: '抖音',
};

export const isPlatform = (value: string): value is Platform =>
  (platforms as readonly string[]).includes(value);
