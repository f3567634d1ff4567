// 楼门栋长 / Leaders — placeholder until the page is written.
import { html, defineComponent } from '../lib.js';
import { tr } from '../i18n.js';
import { PageHeader } from '../ui.js';

export default defineComponent({
  setup() {
    return () => html`<div><${PageHeader} title=${tr('楼门栋长', 'Leaders')} /></div>`;
  },
});
