// 楼门议事户码通知单: one slip per household still to answer a unit consultation (GET /consultations/{id}/codes, an
// audited read for staff of that place), four to an A4 page: the address, the question and its period, the household
// code, and a QR code to the unit page /u/UNIT#CODE (the code in the fragment, never in a server log), which opens the
// answer form with the code filled in.
import { html, defineComponent, reactive } from '../lib.js';
import { tr } from '../i18n.js';
import { api } from '../api.js';
import { PrintPage, Qr, publicBase, qrCodes, cnDate } from './kit.js';

export default defineComponent({
  props: { id: String },
  setup(props) {
    const s = reactive({ codes: null, c: null, used: 0, base: '', qrs: [], error: null });
    const url = (k) => `${s.base}/u/${k.unit}#${k.code}`;
    (async () => {
      try {
        const [c, all, base] = await Promise.all([api.get(`/consultations/${props.id}`), api.get(`/consultations/${props.id}/codes`), publicBase()]);
        s.base = base;
        const codes = all.filter((k) => !k.used && k.unit);
        s.qrs = codes.length ? await qrCodes(codes.map(url)) : [];
        Object.assign(s, { c, codes, used: all.length - codes.length });
      } catch (e) { s.error = e; }
    })();
    const pages = () => { const out = []; for (let i = 0; i < s.codes.length; i += 4) out.push(s.codes.slice(i, i + 4).map((k, j) => [k, i + j])); return out; };
    return () => html`<${PrintPage} title=${tr('打印议事户码通知单', 'Print consultation code slips') + (s.codes ? tr(`（${s.codes.length} 户）`, ` (${s.codes.length})`) : '')}
        ready=${!!s.codes} error=${s.error}
        hint=${tr('每户一张，沿虚线剪开逐户发放；每个户码只能回答一次。已回答的户不再打印。打印时请选 A4 纸、纵向、实际大小。',
          'One slip per household: cut along the lines and hand each out; every code answers once. Households that answered are left out. Print on A4, portrait, actual size.')}>
      ${s.codes && !s.codes.length ? html`<p class="text-center p-4" data-testid="cslips-none">${tr('没有待回答的户码：各户都已回答。', 'No codes waiting: every household has answered.')}</p>` : null}
      ${s.codes && s.codes.length ? pages().map((rows) => html`<section class="sheet">
        ${rows.map(([k, i]) => html`<div class="slip cslip" key=${k.code} data-testid="consultation-slip" data-code=${k.code}>
          <div>
            <h3>楼门议事 · 征求意见通知单</h3>
            <p><strong data-testid="cslip-address">${k.unitLabel} ${k.room}</strong> 住户：</p>
            <p class="cslip-q">议题：${s.c.question}</p>
            <p class="small">征询期：${cnDate(s.c.opensOn)} 至 ${cnDate(s.c.closesOn)}</p>
            <p>户码：<span class="secret" data-testid="cslip-code">${k.code}</span></p>
            <p class="small">用手机扫描右边的二维码，即可打开议事页面回答；或打开 <strong>${s.base}/u/${k.unit}</strong>，在“楼门议事”中输入户码。每户只能回答一次，不记名。</p>
          </div>
          <${Qr} qr=${s.qrs[i]} url=${url(k)} label=${'议事二维码'} />
        </div>`)}
      </section>`) : null}
    <//>`;
  },
});
