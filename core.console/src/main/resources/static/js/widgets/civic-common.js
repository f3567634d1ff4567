// Shared by the pages of projects, the sub-committee reserve, publicity campaigns and unit consultations: the words
// for their codes in both languages, and money in yuan.
import { html } from '../lib.js';
import { tr, fmtNumber } from '../i18n.js';
import { badge } from '../ui.js';

function words(table) {
  return {
    label: (code) => { const w = table[code]; return w ? tr(w[0], w[1]) : (code || ''); },
    badge: (code) => { const w = table[code]; return w ? badge(tr(w[0], w[1]), w[2] || 'secondary') : badge(code || '—'); },
    options: () => Object.keys(table).map((k) => ({ value: k, label: tr(table[k][0], table[k][1]) })),
  };
}

export const PROJECT_STATUS = words({
  PROPOSED: ['待社区审核', 'Awaiting the community', 'warning'],
  FORWARDED: ['待街道审核', 'Awaiting the street', 'info'],
  APPROVED: ['已批准', 'Approved', 'success'],
  DECLINED: ['未通过', 'Declined', 'secondary'],
});

export const PROJECT_KIND = words({
  UNIT_IMPROVEMENT: ['楼门栋建设项目', 'Unit or building improvement'],
  VOLUNTEER_SERVICE: ['志愿服务项目', 'Volunteer service'],
});

export const RESERVE_SOURCE = words({
  AWARD: ['评优入库', 'By award', 'success'],
  MANUAL: ['推荐入库', 'Recommended', 'info'],
});

/** ¥1,234.50 */
export function yuan(v) {
  if (v === null || v === undefined || v === '') return '—';
  return '¥' + fmtNumber(Math.round(Number(v) * 100) / 100);
}

/** The mark of an awarded leader's project, in words (never colour alone). */
export function priorityMark(p) {
  return p.priority ? html`<span class="badge text-bg-warning" title=${p.award || ''} data-testid="priority-mark">★ ${tr('优秀楼门栋长项目 · 优先', 'Awarded leader · priority')}</span>` : null;
}
