import {
  getShopMetricSettings,
  saveShopMetricSettings,
} from '../../app/metrics-store/metrics-store.settings.js';
import { loadPresets } from '../../app/metrics/metrics.settings.js';
import { requireAuth } from '../plugins/auth.plugin.js';
import type { AreaRoutes } from '../server.types.js';
import { settingsBody, settingsResponse, shopParams } from './metrics-settings.schemas.js';

/** 店铺绩效设置: a shop's own KPI settings as versions from a day on; managers only. */
export const metricsSettingsRoutes: AreaRoutes = async (app, deps) => {
  const presets = await loadPresets();
  app.get(
    '/api/metrics/settings/:shopId',
    {
      config: { permission: 'metrics.read' },
      schema: { tags: ['metrics'], params: shopParams, response: { 200: settingsResponse } },
    },
    async (request) =>
      getShopMetricSettings({
        ...deps,
        actor: requireAuth(request).actor,
        presets,
        shopId: request.params.shopId,
      }),
  );
  // Saving recomputes the shop's stored results from that day on (restatements are logged); audited.
  app.put(
    '/api/metrics/settings/:shopId',
    {
      config: { permission: 'metrics.import' },
      schema: {
        tags: ['metrics'],
        params: shopParams,
        body: settingsBody,
        response: { 200: settingsResponse },
      },
    },
    async (request) =>
      saveShopMetricSettings({
        ...deps,
        actor: requireAuth(request).actor,
        presets,
        shopId: request.params.shopId,
        ...request.body,
      }),
  );
};
