// 工作证: a leader's work ID card (name, role, place, work ID, issue date), bank-card sized with cut lines. /print/card/me
// is the signed-in leader's own card; /print/card/<id> a leader's card printed by staff.
import { html, defineComponent, reactive } from '../lib.js';
import { tr, today } from '../i18n.js';
import { api } from '../api.js';
import { PrintPage, cnDate } from './kit.js';

const ROLE = { UNIT_LEADER: '楼门长', BUILDING_LEADER: '栋长' };

async function load(id) {
  if (id === 'me') {
    const l = await api.get('/me/leader');
    return { name: l.name, workId: l.workId, community: `${l.streetName || ''} ${l.communityName || ''}`.trim(),
      places: (l.places || []).map((p) => `${[p.buildingLabel, p.unitLabel].filter(Boolean).join(' ')} ${p.roleLabel || ROLE[p.role] || ''}`) };
  }
  const l = await api.get(`/leaders/${id}`);
  const c = await api.get(`/communities/${l.community}`).catch(() => ({ name: l.community }));
  return { name: l.name, workId: l.workId, community: c.name,
    places: (l.assignments || []).filter((a) => !a.end).map((a) => `${[a.buildingLabel, a.unitLabel].filter(Boolean).join(' ')} ${ROLE[a.role] || a.role}`) };
}

export default defineComponent({
  props: { id: String },
  setup(props) {
    const s = reactive({ card: null, error: null });
    load(props.id).then((c) => { s.card = c; }).catch((e) => { s.error = e; });
    return () => {
      const c = s.card;
      return html`<${PrintPage} title=${tr('打印工作证', 'Print the work ID card')} ready=${!!c} error=${s.error}
          hint=${tr('沿虚线剪下，可过塑。A4 纸、纵向、实际大小打印。', 'Cut along the dashed line; may be laminated. A4, portrait, actual size.')}>
        ${c ? html`<section class="sheet" data-testid="work-card">
          <h2>楼门栋长工作证</h2>
          ${[0, 1].map(() => html`<div class="id-card">
            <div class="card-head">楼门栋长工作证</div>
            <div>
              <div class="card-name">${c.name}</div>
              <dl><dt>职务</dt><dd>${c.places.join('；') || '楼门栋长'}</dd>
                <dt>社区</dt><dd>${c.community}</dd>
                <dt>工作证号</dt><dd>${c.workId || '（未编号）'}</dd>
                <dt>发证日期</dt><dd>${cnDate(today())}</dd></dl>
            </div>
            <div class="small">津南区楼门栋长工作平台</div>
          </div>`)}
          <p class="small text-center">（一式两张：一张本人佩戴，一张备用）</p>
        </section>` : null}
      <//>`;
    };
  },
});
