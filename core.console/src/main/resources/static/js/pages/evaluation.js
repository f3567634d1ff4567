// 群众评议 / Evaluation — placeholder until the page is written.
import { html, defineComponent } from '../lib.js';
import { tr } from '../i18n.js';
import { PageHeader } from '../ui.js';

export default defineComponent({
  setup() {
    return () => html`<div><${PageHeader} title=${tr('群众评议', 'Evaluation')} /></div>`;
  },
});
