// 表彰证书: the award certificate with its number (GET /awards/{id}/certificate: staff who may read the award, and
// the leader themself).
import { html, defineComponent, reactive } from '../lib.js';
import { tr } from '../i18n.js';
import { api } from '../api.js';
import { PrintPage, cnDate } from './kit.js';

export default defineComponent({
  props: { id: String },
  setup(props) {
    const s = reactive({ c: null, error: null });
    api.get(`/awards/${props.id}/certificate`).then((c) => { s.c = c; }).catch((e) => { s.error = e; });
    return () => {
      const c = s.c;
      return html`<${PrintPage} title=${tr('打印表彰证书', 'Print the certificate')} ready=${!!c} error=${s.error}>
        ${c ? html`<section class="sheet certificate" data-testid="certificate">
          <div class="frame">
            <div class="cert-no">证书编号：<span data-testid="certificate-no">${c.certificateNo}</span></div>
            <div class="cert-title">荣誉证书</div>
            <div class="cert-body"><strong>${c.leaderName}</strong> 同志（${c.streetName} ${c.communityName}）：<br />
              在楼门栋长工作中表现突出，被评为</div>
            <div class="cert-award">“${c.title}”</div>
            <div class="cert-body">特发此证，以资鼓励。</div>
            <div class="cert-foot">${c.issuer || c.streetName}<br />${cnDate(c.awardedOn)}</div>
          </div>
        </section>` : null}
      <//>`;
    };
  },
});
