// 适老化 (age-friendly) pieces shared by the leader workspace and the resident pages: the 标准 / 大字 font switch
// (remembered on this device: a display preference, no personal data) and the phone-sized one-column page.
import { html, ref, defineComponent, onBeforeUnmount } from './lib.js';
import { tr } from './i18n.js';

const KEY = 'loumen.fontSize';
const saved = (() => { try { return localStorage.getItem(KEY); } catch (e) { return null; } })();

/** 'standard' or 'large', reactive. */
export const fontSize = ref(saved === 'large' ? 'large' : 'standard');

function apply() {
  document.documentElement.classList.toggle('lm-large', fontSize.value === 'large');
}
apply();

export function setFontSize(v) {
  fontSize.value = v === 'large' ? 'large' : 'standard';
  try { localStorage.setItem(KEY, fontSize.value); } catch (e) { /* private mode: this visit only */ }
  apply();
}

/** Two buttons, 标准 and 大字; the pressed one says so (aria-pressed), not only by its colour. */
export const FontSwitch = defineComponent({
  props: { dark: Boolean },
  setup(props) {
    const btn = (v, zh, en) => html`
      <button type="button" class=${'btn ' + (fontSize.value === v ? (props.dark ? 'btn-light' : 'btn-dark') : (props.dark ? 'btn-outline-light' : 'btn-outline-dark'))}
              aria-pressed=${fontSize.value === v ? 'true' : 'false'} data-testid=${'font-' + v}
              onClick=${() => setFontSize(v)}>${tr(zh, en)}</button>`;
    return () => html`<div class="btn-group font-switch" role="group" aria-label=${tr('字号', 'Text size')}>
      ${btn('standard', '标准', 'Standard')}${btn('large', '大字', 'Large')}</div>`;
  },
});

/** Plain checks a page makes before uploading a photo: JPEG or PNG, at most 5 MB (the server checks again). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png'];
export const PHOTO_MAX = 5 * 1024 * 1024;
export const PHOTO_COUNT = 3;

/** Why a chosen file cannot be sent, in words; null when it can. */
export function photoProblem(file) {
  if (!PHOTO_TYPES.includes(file.type)) {
    return tr(`“${file.name}”不是照片（只能上传 JPG 或 PNG 图片）`, `"${file.name}" is not a photo (JPG or PNG only)`);
  }
  if (file.size > PHOTO_MAX) {
    return tr(`“${file.name}”太大（${(file.size / 1048576).toFixed(1)} MB），每张不超过 5 MB`, `"${file.name}" is too large (${(file.size / 1048576).toFixed(1)} MB); 5 MB at most`);
  }
  return null;
}

/**
 * The change handler of a photo input on a page being set up: adds the good files to `photos()` (each
 * `{ file, url }`, at most PHOTO_COUNT), tells `onProblem` in words why others were left out (null when none was), and
 * frees the previews when the page goes.
 */
export function usePhotoPicker(photos, onProblem) {
  const previews = [];
  onBeforeUnmount(() => previews.forEach((u) => URL.revokeObjectURL(u)));
  return (e) => {
    const files = [...e.target.files];
    e.target.value = '';
    const bad = [];
    for (const file of files) {
      const why = photoProblem(file);
      if (why) { bad.push(why); continue; }
      if (photos().length >= PHOTO_COUNT) { bad.push(tr(`最多 ${PHOTO_COUNT} 张照片`, `${PHOTO_COUNT} photos at most`)); break; }
      const url = URL.createObjectURL(file);
      previews.push(url);
      photos().push({ file, url });
    }
    onProblem(bad.length ? bad.join('；') : null);
  };
}

/**
 * A phone number shown masked, by the server's rule (PublicLeader.maskPhone): 138****1234, the middle hidden whatever
 * the length (a landline too), a short number all stars; a number the server already masked is left as it is.
 */
export function masked(phone) {
  if (!phone) return '';
  if (phone.includes('*')) return phone;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}
