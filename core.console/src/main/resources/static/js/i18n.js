// Language and Chinese conventions. Chinese first; English switches every visible string.
// Every string a person reads is written as tr('中文', 'English') at the place it is used, so none can be missed.
import { ref } from './lib.js';

const saved = (() => { try { return localStorage.getItem('loumen.lang'); } catch (e) { return null; } })();

/** 'zh' or 'en', reactive: pages re-render when it changes. */
export const lang = ref(saved === 'en' ? 'en' : 'zh');

export function setLang(l) {
  lang.value = l === 'en' ? 'en' : 'zh';
  try { localStorage.setItem('loumen.lang', lang.value); } catch (e) { /* private mode */ }
  document.documentElement.lang = lang.value === 'en' ? 'en' : 'zh-CN';
}
document.documentElement.lang = lang.value === 'en' ? 'en' : 'zh-CN';

/** The string in the current language. */
export function tr(zh, en) {
  return lang.value === 'en' ? (en ?? zh) : zh;
}

/** A {zh, en} object from the API, in the current language. */
export function name(o) {
  if (o == null) return '';
  if (typeof o === 'string') return o;
  return (lang.value === 'en' ? o.en : o.zh) || o.zh || o.en || '';
}

/** The API writes messages as "中文 / English": keep the half for the current language. */
export function msg(text) {
  if (!text) return '';
  const i = text.indexOf(' / ');
  if (i < 0) return text;
  return lang.value === 'en' ? text.slice(i + 3) : text.slice(0, i);
}

const TZ = 'Asia/Shanghai';
const dateFmt = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeFmt = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false });

/** 2026-11-30 for a date string, an ISO instant or epoch millis; times are shown in China time. */
export function fmtDate(v) {
  if (v == null || v === '') return '';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const d = new Date(v);
  return isNaN(d) ? String(v) : dateFmt.format(d);
}

/** 2026-11-30 14:05 (China time). */
export function fmtDateTime(v) {
  if (v == null || v === '') return '';
  const d = new Date(v);
  return isNaN(d) ? String(v) : dateFmt.format(d) + ' ' + timeFmt.format(d);
}

/** Today in China time, as YYYY-MM-DD. */
export function today() {
  return dateFmt.format(new Date());
}

/** The half-year period of a date in China time, e.g. 2026-H2. */
export function period(date = today()) {
  const [y, m] = date.split('-').map(Number);
  return `${y}-H${m <= 6 ? 1 : 2}`;
}

/** A number with thousands separators (1,234). */
export function fmtNumber(n) {
  if (n == null || n === '') return '';
  return Number(n).toLocaleString('zh-CN');
}

/** A percentage as the API gives it (two decimals, already rounded): 77.92%. */
export function fmtPercent(p) {
  if (p == null || p === '') return '—';
  return Number(p).toFixed(2) + '%';
}
