import {
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  FileDoneOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../api/types.js';
import type { MessageKey } from '../i18n/i18n.js';

export type NavItem = { path: string; label: MessageKey; icon: ReactNode; roles?: readonly Role[] };

export const navItems: readonly NavItem[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined /> },
  { path: '/train', label: 'nav.train', icon: <BookOutlined /> },
  { path: '/exams', label: 'nav.exams', icon: <FileDoneOutlined /> },
  { path: '/inspection', label: 'nav.inspection', icon: <SafetyCertificateOutlined /> },
  { path: '/metrics', label: 'nav.metrics', icon: <BarChartOutlined /> },
  { path: '/scorecards', label: 'nav.scorecards', icon: <AuditOutlined /> },
  { path: '/settings', label: 'nav.settings', icon: <SettingOutlined />, roles: ['admin', 'supervisor'] },
];

/** The nav entry a path belongs to: the longest matching prefix. */
export const activeNavPath = (pathname: string): string =>
  navItems
    .filter((item) => (item.path === '/' ? pathname === '/' : pathname.startsWith(item.path)))
    .map((item) => item.path)
    .sort((a, b) => b.length - a.length)[0] ?? '';
