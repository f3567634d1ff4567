// Names of the organisation tree's nodes, for labels and pickers: streets and communities come from the public
// reference routes (no personal data) and are cached for the session; buildings and units per community.
import { reactive } from './lib.js';
import { api } from './api.js';
import { lang } from './i18n.js';

const names = reactive({});
let streets = null;
const communities = {};

/** The streets (街道/镇) of the district: [{code, name, kind}]. */
export async function loadStreets() {
  if (!streets) {
    streets = api.get('/public/streets').then((list) => {
      const items = Array.isArray(list) ? list : list.items || [];
      items.forEach((s) => { names[s.code] = { zh: s.name, en: s.nameEn || s.name }; });
      return items;
    }).catch((e) => { streets = null; throw e; });
  }
  return streets;
}

/** The communities (社区/村) of a street: [{code, name, kind}]. */
export async function loadCommunities(street) {
  if (!street) return [];
  if (!communities[street]) {
    communities[street] = api.get(`/public/streets/${street}/communities`).then((list) => {
      const items = Array.isArray(list) ? list : list.items || [];
      items.forEach((c) => { names[c.code] = { zh: c.name, en: c.name }; });
      return items;
    }).catch((e) => { delete communities[street]; throw e; });
  }
  return communities[street];
}

/** Forgets a street's communities (after one was added or renamed). */
export function refreshCommunities(street) { delete communities[street]; }

/** Records names learnt elsewhere (e.g. from a listing). */
export function learn(code, name) { if (code && name) names[code] = { zh: name, en: name }; }

/** The name of a node, reactive; the code itself until it is known. */
export function placeName(code) {
  if (!code) return '';
  const n = names[code];
  if (n) return lang.value === 'en' ? n.en : n.zh;
  if (code.length === 6) return lang.value === 'en' ? 'Jinnan District' : '津南区';
  if (code.length >= 9 && !names[code.slice(0, 9)]) loadStreets().catch(() => {});
  if (code.length === 12) loadCommunities(code.slice(0, 9)).catch(() => {});
  return code;
}
