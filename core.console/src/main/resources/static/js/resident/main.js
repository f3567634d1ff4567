// The resident pages (居民): no account, a phone in the hand, reached by the QR code on the unit door or the ballot
// sheet. The address picks the page: /u/<unit> the unit page, /v the evaluation, /d the leader directory. Only these
// small modules load here, never the staff console.
import { html, createApp, defineComponent, shallowRef } from '../lib.js';
import { tr, lang, setLang } from '../i18n.js';
import { FontSwitch } from '../easy.js';

const PAGES = [
  { rx: /^\/u\/([A-Za-z0-9]+)$/, load: () => import('./unit.js') },
  { rx: /^\/v$/, load: () => import('./vote.js') },
  { rx: /^\/d$/, load: () => import('./directory.js') },
];

const App = defineComponent({
  setup() {
    const page = shallowRef(null);
    const param = shallowRef('');
    const missing = shallowRef(false);
    const found = PAGES.map((p) => ({ p, m: p.rx.exec(location.pathname) })).find((x) => x.m);
    if (found) {
      param.value = found.m[1] || '';
      found.p.load().then((mod) => { page.value = mod.default; }).catch(() => { missing.value = true; });
    } else {
      missing.value = true;
    }
    return () => html`
      <a class="skip-link" href="#main" onClick=${(e) => { e.preventDefault(); document.getElementById('main').focus(); }}>${tr('跳到正文', 'Skip to content')}</a>
      <header class="easy-bar">
        <span class="title">${tr('津南区楼门栋长 · 居民服务', 'Jinnan building leaders · residents')}</span>
        <button type="button" class="btn btn-outline-light" data-testid="lang" lang=${lang.value === 'en' ? 'zh-CN' : 'en'}
                onClick=${() => setLang(lang.value === 'en' ? 'zh' : 'en')}>${lang.value === 'en' ? '中文' : 'English'}</button>
        <${FontSwitch} dark=${true} />
      </header>
      <main id="main" class="easy-main" tabindex="-1">
        ${missing.value ? html`<div class="note-bad" role="alert">${tr('没有这个页面。请重新扫描楼门或评议单上的二维码。', 'No such page. Scan the QR code on the unit door or the ballot sheet again.')}</div>`
          : page.value ? html`<${page.value} param=${param.value} />`
            : html`<p role="status">${tr('正在加载…', 'Loading…')}</p>`}
      </main>`;
  },
});

createApp(App).mount('#app');
