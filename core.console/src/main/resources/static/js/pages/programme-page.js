// A street programme's own page, loaded from the programme's bundle (/programme-pages/<id>/<version>/index.js) and
// mounted into this frame. A page that fails to load or throws is shown as an error here; the console goes on.
import { html, defineComponent, ref, onMounted, onBeforeUnmount, watch } from '../lib.js';
import { tr, name } from '../i18n.js';
import { api } from '../api.js';
import { route } from '../router.js';
import { placeName } from '../places.js';
import { PageHeader, ErrorAlert, Loading } from '../ui.js';
import { contextFor } from '../programme-kit.js';

export default defineComponent({
  setup() {
    const el = ref(null);
    const programme = ref(null);
    const error = ref(null);
    const loading = ref(true);
    let cleanup = null;

    const unmountPage = () => {
      if (typeof cleanup === 'function') { try { cleanup(); } catch (e) { /* the page's own problem */ } }
      cleanup = null;
      if (el.value) el.value.replaceChildren();
    };

    const load = async () => {
      unmountPage();
      error.value = null;
      loading.value = true;
      const { street, programme: id } = route.params;
      try {
        const list = await api.get(`/streets/${street}/programmes`);
        const p = list.find((x) => x.id === id);
        if (!p || !p.enabled) throw new Error(tr('本街道未启用此项目，或项目已移除。', 'This programme is not enabled for the street, or was removed.'));
        if (!p.console || !p.console.resources) throw new Error(tr('此项目没有页面。', 'This programme has no page.'));
        programme.value = p;
        const mod = await import(`/programme-pages/${encodeURIComponent(p.id)}/${encodeURIComponent(p.version)}/index.js`);
        const page = mod.default;
        if (!page || typeof page.mount !== 'function') throw new Error(tr('项目页面格式不正确（缺少 mount）。', 'The programme page is malformed (no mount).'));
        loading.value = false;
        await Promise.resolve();
        cleanup = page.mount(el.value, contextFor(street, p, placeName(street)));
      } catch (e) {
        loading.value = false;
        error.value = e;
      }
    };
    onMounted(load);
    watch(() => [route.params.street, route.params.programme], load);
    onBeforeUnmount(unmountPage);

    return () => html`
      <div>
        <${PageHeader} title=${programme.value ? name(programme.value.console.menu) || name(programme.value.name) : tr('特色项目', 'Programme')}
                       crumbs=${[{ label: tr('特色项目', 'Programmes'), href: '#/programmes' }, { label: placeName(route.params.street) }]} />
        ${error.value ? html`<${ErrorAlert} error=${error.value} />` : null}
        ${loading.value && !error.value ? html`<${Loading} />` : null}
        <div ref=${el} class="programme-frame" data-testid="programme-frame" data-programme=${route.params.programme}></div>
      </div>`;
  },
});
