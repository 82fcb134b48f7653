/** zh-CN texts of 平台考核: each platform's checks for one shop, with pass/fail and what it would take. */
export const zhCNMetricsAssessments = {
  'metrics.tab.assessments': '平台考核',

  'metrics.assess.intro':
    '按各平台公布的口径判定：拼多多按所选日期；抖店每半月考核一次（1–15 日、16 日–月底），京东售后服务分按自然月。所选日期落在哪个周期，就按整个周期计算。',
  'metrics.assess.pickShop': '请选择一个店铺查看平台考核。',
  'metrics.assess.noShops': '还没有店铺。请先在「设置」中创建店铺。',
  'metrics.assess.noAssessment': '{platform}没有平台考核：平台考核适用于拼多多、抖店和京东的店铺。',
  'metrics.assess.empty': '所选期间该店铺没有绩效数据',
  'metrics.assess.emptyBody': '先在「导入数据」中导入聊天记录、评价或服务单，或换一个日期范围。',
  'metrics.assess.cycle': '考核周期 {from} ~ {to}',
  'metrics.assess.running': '周期进行中，数据截至 {to}',
  'metrics.assess.passed': '达标',
  'metrics.assess.failed': '未达标',
  'metrics.assess.col.check': '指标',
  'metrics.assess.col.value': '数值',
  'metrics.assess.col.target': '达标线',
  'metrics.assess.col.parts': '分子 / 分母',
  'metrics.assess.col.result': '结果',
  'metrics.assess.col.toPass': '距离达标',
  'metrics.assess.noDenominator': '无数据，不判定',
  'metrics.assess.score': '售后服务分',
  'metrics.assess.tier': '档位：{tier}',
  'metrics.assess.penalty': '未达标处罚 ¥{penalty}',
  'metrics.assess.measures': '其他考核指标',
  'metrics.assess.measuresHint':
    '平台未公布达标线，只列出数值和计算依据；可在「绩效设置」中为它们设店铺目标。',
  'metrics.assess.shopTarget': '店铺目标',
  'metrics.assess.shopTargetHint': '店铺在「绩效设置」中自定的目标，不是平台规则，不影响平台考核结论',
  'metrics.assess.items': '{value} 件',
} as const;
