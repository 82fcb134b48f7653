import type { MetricsSettings, SettingsOverride } from '../../../src/domain/metrics/index.js';
import type { Platform } from '../../../src/domain/shared/index.js';
import { request } from './client.js';

export type { MetricsSettings, SettingsOverride };

/** One saved version of a shop's KPI settings (店铺绩效设置) and what it puts in force. */
export type MetricSettingsVersion = {
  effectiveFrom: string;
  overrides: SettingsOverride;
  settings: MetricsSettings;
  /** What that day would have had without this version: compared with `settings`, what it changed. */
  previous: MetricsSettings;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
};

export type ShopMetricSettings = {
  shop: { id: string; name: string; platform: Platform };
  today: string;
  /** The presets alone, in force today: what an unset value falls back to. */
  preset: MetricsSettings;
  current: { effectiveFrom: string | null; settings: MetricsSettings };
  versions: MetricSettingsVersion[];
};

const path = (shopId: string) => `/api/metrics/settings/${encodeURIComponent(shopId)}`;

export const getShopMetricSettings = (shopId: string) => request<ShopMetricSettings>(path(shopId));

export const saveShopMetricSettings = (
  shopId: string,
  input: { effectiveFrom: string; overrides: SettingsOverride },
) => request<ShopMetricSettings>(path(shopId), { method: 'PUT', body: input });
