// 打印预览 /print/<document>/<id>: each printed document is its own module under js/print/.
import { html, defineComponent, shallowRef } from '../lib.js';
import { tr } from '../i18n.js';
import { route } from '../router.js';

const DOCS = {
  ballots: () => import('../print/ballots.js'),
  poster: () => import('../print/poster.js'),
  card: () => import('../print/card.js'),
  certificate: () => import('../print/certificate.js'),
  consultation: () => import('../print/consultation.js'),
  signin: () => import('../print/signin.js'),
  slips: () => import('../print/slips.js'),
  training: () => import('../print/training.js'),
};

export default defineComponent({
  setup() {
    const comp = shallowRef(null);
    const missing = shallowRef(false);
    const load = DOCS[route.params.doc];
    if (load) load().then((m) => { comp.value = m.default; }).catch(() => { missing.value = true; });
    else missing.value = true;
    return () => (missing.value ? html`<div class="alert alert-danger m-3" role="alert">${tr('没有这种打印材料', 'No such document')}</div>`
      : comp.value ? html`<${comp.value} id=${route.params.id} />` : null);
  },
});
