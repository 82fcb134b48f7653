/** zh-CN texts of the 绩效看板's drill-downs: the names of the shop-level numbers that open their buyers. */
export const zhCNMetricsDashboard = {
  'metrics.drill.shop': '店铺',
  'metrics.shop.silentSales': '静默销售',
  'metrics.shop.silentBuyers': '静默买家',
  'metrics.shop.silentAov': '静默客单价',
  'metrics.shop.agentAov': '客服客单价',
  'metrics.shop.advertisers': '广告',
  'metrics.shop.accounts': '指定账号',
  'metrics.shop.staff': '平台小二',
  'metrics.shop.own': '店内账号互聊',
} as const;
