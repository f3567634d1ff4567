// 账号 / Accounts — placeholder until the page is written.
import { html, defineComponent } from '../lib.js';
import { tr } from '../i18n.js';
import { PageHeader } from '../ui.js';

export default defineComponent({
  setup() {
    return () => html`<div><${PageHeader} title=${tr('账号', 'Accounts')} /></div>`;
  },
});
