// 楼门公示牌: the unit door poster: the unit's and building's leaders (phone in full only with their consent), a QR code
// to the unit page /u/<unit> (leaders, report a problem, check its progress) with its address, and the five duties;
// then a band per programme enabled in the street that brings a poster.js (e.g. 我的楼门: the convention and its count).
// Given a building's code, one poster per unit of the building, so a community prints a whole building at once.
import { html, defineComponent, reactive } from '../lib.js';
import { tr } from '../i18n.js';
import { api } from '../api.js';
import { masked } from '../easy.js';
import { PrintPage, Qr, publicBase, qrCodes, FIVE_DUTIES } from './kit.js';
import { ProgrammeParts } from '../resident/programmes.js';

const BUILDING = /^\d{12}B\d{3}$/;

/** The codes of the units to print: the unit itself, or every unit of the building (in the tree's order). */
async function unitCodes(id) {
  if (!BUILDING.test(id)) return [id];
  const buildings = await api.get(`/communities/${id.slice(0, 12)}/buildings`);
  const b = buildings.find((x) => x.code === id);
  if (!b) throw new Error(tr('没有这个楼栋', 'No such building'));
  return b.units.map((u) => u.code);
}

const Poster = defineComponent({
  props: { unit: Object, qr: Object, base: String },
  setup(props) {
    return () => {
      const u = props.unit;
      return html`<section class="sheet poster" data-testid="poster" data-unit=${u.code}>
          <div class="poster-head"><h2>楼门公示牌</h2><p>${u.communityName}　${u.buildingLabel} ${u.label}</p></div>
          ${(u.leaders || []).map((l) => html`<div class="leader-card">
            <div class="who">${l.name}　<span>${l.roleLabel}</span></div>
            <div>工作证号：${l.workId || '—'}</div>
            <div>联系电话：${l.phonePublic && l.phone ? l.phone : html`${masked(l.phone) || '—'}<span class="small">（请扫码留言或联系社区）</span>`}</div>
          </div>`)}
          ${(u.leaders || []).length ? null : html`<p class="fs-5">本楼门暂无楼门栋长，请联系社区。</p>`}
          <div class="two-col mt-4">
            <div>
              <h3>楼门栋长“五员”职责</h3>
              <ol class="duties">${FIVE_DUTIES.map(([zh]) => html`<li>${zh}</li>`)}</ol>
              <h3>扫码可以</h3>
              <p class="fs-6">查看楼门栋长 · 反映问题 · 查询办理进度（无需登录）</p>
            </div>
            <${Qr} qr=${props.qr} url=${`${props.base}/u/${u.code}`} large=${true} label=${'楼门二维码'} />
          </div>
          <${ProgrammeParts} unit=${u} file="poster.js" />
          <p class="mt-4 small">${u.streetName} ${u.communityName}　楼门编码 ${u.code}</p>
        </section>`;
    };
  },
});

export default defineComponent({
  props: { id: String },
  setup(props) {
    const s = reactive({ units: null, base: '', qrs: [], error: null });
    (async () => {
      try {
        const [codes, base] = await Promise.all([unitCodes(props.id), publicBase()]);
        const units = await Promise.all(codes.map((c) => api.get(`/public/units/${c}`)));
        const qrs = await qrCodes(units.map((u) => `${base}/u/${u.code}`));
        Object.assign(s, { units, base, qrs });
      } catch (e) { s.error = e; }
    })();
    return () => {
      const many = BUILDING.test(props.id);
      const title = many ? tr('打印本楼各单元楼门公示牌', 'Print the door posters of the building')
        : tr('打印楼门公示牌', 'Print the unit door poster');
      return html`<${PrintPage} title=${title} ready=${!!s.units} error=${s.error}>
        ${s.units && !s.units.length ? html`<p class="text-center">${tr('本楼栋还没有单元', 'The building has no units yet')}</p>` : null}
        ${(s.units || []).map((u, i) => html`<${Poster} key=${u.code} unit=${u} qr=${s.qrs[i]} base=${s.base} />`)}
      <//>`;
    };
  },
});
