// 楼门公示牌: the unit door poster: the unit's and building's leaders (phone in full only with their consent), a QR code
// to the unit page /u/<unit> (leaders, report a problem, check its progress) with its address, and the five duties;
// then a band per programme enabled in the street that brings a poster.js (e.g. 我的楼门: the convention and its count).
import { html, defineComponent, reactive } from '../lib.js';
import { tr } from '../i18n.js';
import { api } from '../api.js';
import { masked } from '../easy.js';
import { PrintPage, Qr, publicBase, qrCodes, FIVE_DUTIES } from './kit.js';
import { ProgrammeParts } from '../resident/programmes.js';

export default defineComponent({
  props: { id: String },
  setup(props) {
    const s = reactive({ unit: null, base: '', qr: null, error: null });
    (async () => {
      try {
        const [unit, base] = await Promise.all([api.get(`/public/units/${props.id}`), publicBase()]);
        const [qr] = await qrCodes([`${base}/u/${unit.code}`]);
        Object.assign(s, { unit, base, qr });
      } catch (e) { s.error = e; }
    })();
    return () => {
      const u = s.unit;
      return html`<${PrintPage} title=${tr('打印楼门公示牌', 'Print the unit door poster')} ready=${!!u} error=${s.error}>
        ${u ? html`<section class="sheet poster" data-testid="poster">
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
            <${Qr} qr=${s.qr} url=${`${s.base}/u/${u.code}`} large=${true} label=${'楼门二维码'} />
          </div>
          <${ProgrammeParts} unit=${u} file="poster.js" />
          <p class="mt-4 small">${u.streetName} ${u.communityName}　楼门编码 ${u.code}</p>
        </section>` : null}
      <//>`;
    };
  },
});
