// Shared by the print previews: the public address QR codes carry, the QR codes themselves (made by the server,
// POST /api/v1/qr, drawn as SVG so they stay sharp at any size), and the preview frame with 打印 / 返回.
import { html, defineComponent } from '../lib.js';
import { tr, lang } from '../i18n.js';
import { api, ApiError } from '../api.js';

let base = null;
/** Where residents reach the platform: the configured public address, else the address this page was opened at. */
export function publicBase() {
  if (!base) {
    base = api.get('/console/settings').then((s) => (s.configured && s.publicBaseUrl ? s.publicBaseUrl : location.origin))
      .catch(() => location.origin);
  }
  return base;
}

/** The QR codes of the texts, in order: [{size, path}]. */
export async function qrCodes(texts) {
  const out = [];
  for (let i = 0; i < texts.length; i += 500) out.push(...await api.post('/qr', { texts: texts.slice(i, i + 500) }));
  return out;
}

/** A QR code with its address printed under it. */
export const Qr = defineComponent({
  props: { qr: Object, url: String, large: Boolean, label: String },
  setup(props) {
    return () => html`<div class="qr-box">
      ${props.qr ? html`<svg class=${'qr' + (props.large ? ' qr-large' : '')} viewBox=${`0 0 ${props.qr.size} ${props.qr.size}`} role="img"
           aria-label=${props.label || tr('二维码：', 'QR code: ') + props.url} shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg" data-qr=${props.url}>
        <rect width=${props.qr.size} height=${props.qr.size} fill="#fff" /><path d=${props.qr.path} fill="#000" /></svg>` : null}
      <span class="qr-url">${props.url}</span></div>`;
  },
});

/** The preview: a toolbar (title, 打印, 返回) and the A4 sheets (default slot). */
export const PrintPage = defineComponent({
  props: { title: String, hint: String, ready: Boolean, error: null },
  setup(props, { slots }) {
    const back = () => { if (history.length > 1) history.back(); else location.hash = '#/'; };
    return () => html`<div>
      <div class="print-toolbar">
        <h1>${props.title}</h1>
        <button type="button" class="btn btn-light" data-testid="print" disabled=${!props.ready} onClick=${() => window.print()}>${tr('打印', 'Print')}</button>
        <button type="button" class="btn btn-outline-light" data-testid="print-back" onClick=${back}>${tr('返回', 'Back')}</button>
        <p class="hint mb-0">${props.hint || tr('打印时请选 A4 纸、纵向、缩放 100%（实际大小），不要“适合页面”。', 'Print on A4, portrait, at 100% (actual size), not “fit to page”.')}</p>
      </div>
      ${props.error ? html`<div class="alert alert-danger m-3" role="alert">${tr('出错了：', 'Error: ')}${props.error instanceof ApiError ? props.error.text : props.error.message}</div>` : null}
      <div class="sheets" data-testid="sheets" data-ready=${props.ready ? 'true' : 'false'} lang=${lang.value === 'en' ? 'en' : 'zh-CN'}>
        ${props.ready ? slots.default() : props.error ? null : html`<p class="text-center" role="status">${tr('正在准备…', 'Preparing…')}</p>`}
      </div>
    </div>`;
  },
});

/** The five duties (五员) as the poster and the ballot sheet print them. */
export const FIVE_DUTIES = [
  ['政策法规宣传员', 'policy publicist'], ['社情民意信息员', 'public-opinion informant'], ['矛盾化解调处员', 'dispute mediator'],
  ['平安稳定巡查员', 'safety patroller'], ['环境卫生监督员', 'sanitation supervisor'],
];

/** 2026年11月30日 */
export function cnDate(d) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d || '');
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : (d || '');
}
