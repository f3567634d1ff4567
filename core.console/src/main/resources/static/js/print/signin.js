// 例会签到表: the sign-in sheet of a meeting: the community's leaders in service, with room to sign.
import { html, defineComponent, reactive } from '../lib.js';
import { tr } from '../i18n.js';
import { api } from '../api.js';
import { PrintPage, cnDate } from './kit.js';

const KIND = { WEEKLY: '每周沟通会', MONTHLY: '按月例会' };
const ROLE = { UNIT_LEADER: '楼门长', BUILDING_LEADER: '栋长' };

export default defineComponent({
  props: { id: String },
  setup(props) {
    const s = reactive({ m: null, community: '', leaders: null, error: null });
    (async () => {
      try {
        const m = await api.get(`/meetings/${props.id}`);
        const [c, l] = await Promise.all([api.get(`/communities/${m.community}`).catch(() => ({ name: m.community })),
          api.get('/leaders', { community: m.community, status: 'IN_SERVICE', size: 200, sort: 'name' })]);
        Object.assign(s, { m, community: c.name, leaders: (l.items || []).filter((x) => x.status === 'IN_SERVICE') });
      } catch (e) { s.error = e; }
    })();
    const place = (l) => (l.assignments || []).filter((a) => !a.end).map((a) => `${[a.buildingLabel, a.unitLabel].filter(Boolean).join(' ')} ${ROLE[a.role] || ''}`).join('；');
    const pages = () => { const out = []; const all = s.leaders || []; for (let i = 0; i < Math.max(1, all.length); i += 20) out.push(all.slice(i, i + 20)); return out; };
    return () => html`<${PrintPage} title=${tr('打印签到表', 'Print the sign-in sheet')} ready=${!!s.leaders} error=${s.error}>
      ${s.leaders ? pages().map((rows, p) => html`<section class="sheet" data-testid="signin-sheet">
        <h2>${s.community} ${KIND[s.m.kind] || '例会'}签到表</h2>
        <p>会议日期：${cnDate(s.m.heldOn || s.m.scheduledOn)}　　地点：________________　　主持人：__________</p>
        <table><thead><tr><th>序号</th><th>姓名</th><th>楼门 / 楼栋</th><th>签到</th><th>备注</th></tr></thead>
          <tbody>${rows.map((l, i) => html`<tr><td>${p * 20 + i + 1}</td><td>${l.name}</td><td>${place(l)}</td><td class="w-25"></td><td></td></tr>`)}
            ${[0, 1, 2].map(() => html`<tr><td>${'\u00a0'}</td><td></td><td></td><td></td><td></td></tr>`)}</tbody></table>
      </section>`) : null}
    <//>`;
  },
});
