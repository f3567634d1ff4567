// 评议单: one A4 sheet per household of an evaluation (GET /evaluations/{id}/ballot-sheets: one per unused code):
// the address, the code, a QR code to /v#CODE (the code in the fragment, never in a server log), the leaders to rate
// with their roles, and how to vote.
import { html, defineComponent, reactive } from '../lib.js';
import { tr } from '../i18n.js';
import { api } from '../api.js';
import { PrintPage, Qr, publicBase, qrCodes } from './kit.js';

export default defineComponent({
  props: { id: String },
  setup(props) {
    const s = reactive({ sheets: null, ev: null, community: '', base: '', qrs: [], error: null });
    (async () => {
      try {
        const [ev, sheets, base] = await Promise.all([api.get(`/evaluations/${props.id}`), api.get(`/evaluations/${props.id}/ballot-sheets`), publicBase()]);
        const c = await api.get(`/communities/${ev.community}`).catch(() => ({ name: ev.community }));
        s.qrs = sheets.length ? await qrCodes(sheets.map((x) => `${base}/v#${x.code}`)) : [];
        Object.assign(s, { ev, sheets, base, community: c.name });
      } catch (e) { s.error = e; }
    })();
    return () => html`<${PrintPage} title=${tr('打印评议单', 'Print ballot sheets') + (s.sheets ? tr(`（${s.sheets.length} 张）`, ` (${s.sheets.length})`) : '')}
        ready=${!!s.sheets} error=${s.error}
        hint=${tr('每户一张，逐户发放；每张评议码只能用一次。打印时请选 A4 纸、纵向、实际大小。', 'One sheet per household, handed to each; every code works once. Print on A4, portrait, actual size.')}>
      ${s.sheets && !s.sheets.length ? html`<p class="text-center">${tr('没有未使用的评议码：各户都已评议，或评议已结束。', 'No unused codes: every household has voted or the evaluation is closed.')}</p>` : null}
      ${(s.sheets || []).map((x, i) => html`<section class="sheet ballot" key=${x.code} data-testid="ballot-sheet" data-code=${x.code}>
        <h2>楼门栋长群众评议单</h2>
        <p class="text-center">${s.community}　${s.ev.periodLabel || s.ev.period}</p>
        <div class="two-col mt-3">
          <div>
            <h3>住户</h3>
            <p class="fs-5" data-testid="ballot-address">${x.buildingLabel} ${x.unitLabel} ${x.room}</p>
            <h3>评议码</h3>
            <p class="code-big" data-testid="ballot-code">${x.code}</p>
          </div>
          <${Qr} qr=${s.qrs[i]} url=${`${s.base}/v#${x.code}`} label=${'评议二维码'} />
        </div>
        <h3>请您评议的楼门栋长</h3>
        <table><thead><tr><th>姓名</th><th>职务</th><th>满意</th><th>基本满意</th><th>不满意</th></tr></thead>
          <tbody>${(x.leaders || []).map((l) => html`<tr><td>${l.name}</td><td>${l.roleLabel}</td><td></td><td></td><td></td></tr>`)}</tbody></table>
        <p class="small mt-1">（表格供您参考和记录，评议请在手机上提交。）</p>
        <h3>怎样评议</h3>
        <ol>
          <li>用手机扫描右上方的二维码；或在浏览器中打开 <strong>${s.base}/v</strong>，输入上面的评议码。</li>
          <li>对每位楼门栋长选择“满意”“基本满意”或“不满意”，核对后点“确认提交”。</li>
          <li>每户一个评议码，只能评议一次；评议不记名，社区看不到哪一户怎样评。</li>
          <li>满意度低于 60% 的楼门栋长将不再选任。请根据他们平时的工作如实评议。</li>
        </ol>
        <p class="small">如有疑问请联系社区。请勿将评议码交给他人。</p>
      </section>`)}
    <//>`;
  },
});
