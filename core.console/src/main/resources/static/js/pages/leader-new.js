// 提名楼门栋长 / Nominate — placeholder until the page is written.
import { html, defineComponent } from '../lib.js';
import { tr } from '../i18n.js';
import { PageHeader } from '../ui.js';

export default defineComponent({
  setup() {
    return () => html`<div><${PageHeader} title=${tr('提名楼门栋长', 'Nominate')} /></div>`;
  },
});
