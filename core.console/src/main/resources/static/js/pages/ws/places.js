// 我的楼门和住户: my units and buildings and their households (special-group tags only as the API gives them to me).
import { html, defineComponent, reactive } from '../../lib.js';
import { tr } from '../../i18n.js';
import { api } from '../../api.js';
import { GROUP } from '../../widgets/work-common.js';
import { SectionHead, myLeader, placeWords, problem, loading } from './kit.js';

export default defineComponent({
  setup() {
    const s = reactive({ places: null, error: null });
    myLeader().then(async (l) => {
      const out = [];
      for (const p of l.places || []) {
        const query = p.role === 'UNIT_LEADER' && p.unit ? { unit: p.unit } : { building: p.building };
        try {
          const r = await api.get('/households', { ...query, size: 200 });
          out.push({ p, households: r.items || r, error: null });
        } catch (e) { out.push({ p, households: [], error: e }); }
      }
      s.places = out;
    }).catch((e) => { s.error = e; });
    return () => html`<div>
      <${SectionHead} title=${tr('我的楼门和住户', 'My units and households')} />
      ${problem(s.error)}
      ${!s.places ? (s.error ? null : loading()) : s.places.map(({ p, households, error }) => html`<section class="section" data-testid="ws-place">
        <h2>${placeWords(p)}</h2>
        ${problem(error)}
        <p class="mb-2">${tr(`共 ${households.length} 户`, `${households.length} households`)}</p>
        ${households.length ? html`<ul class="list-easy">${households.map((h) => html`<li key=${h.id}>
          <div class="row-title">${[h.buildingLabel && p.role !== 'UNIT_LEADER' ? h.buildingLabel : null, p.role !== 'UNIT_LEADER' ? h.unitLabel : null, h.room].filter(Boolean).join(' ')}　${h.headName || ''}</div>
          ${(h.specialGroups || []).length ? html`<div class="d-flex flex-wrap gap-1">${h.specialGroups.map((g) => GROUP.badge(g.code || g))}</div>` : null}
        </li>`)}</ul>` : html`<p class="mb-0">${tr('这里还没有登记住户，请联系社区。', 'No households recorded here yet; ask the community.')}</p>`}
      </section>`)}
    </div>`;
  },
});
