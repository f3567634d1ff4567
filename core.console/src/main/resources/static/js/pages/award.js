// 评选详情: a round's rules, the candidates who meet them (best satisfaction of the year's closed evaluations, reports
// confirmed), and the recorded decision: who is awarded, on which day, by which decision; then the certificates.
import { html, defineComponent, reactive, computed } from '../lib.js';
import { tr, fmtDate, fmtPercent, today } from '../i18n.js';
import { api } from '../api.js';
import { route } from '../router.js';
import { placeName } from '../places.js';
import { PageHeader, Field, ErrorAlert, BusyButton, Loading, DataTable, toast, useLoad, useForm, confirmAction } from '../ui.js';
import { ROUND_STATUS, TableCard, yesNo } from '../widgets/work-common.js';

export default defineComponent({
  setup() {
    const id = route.params.id;
    const round = useLoad(() => api.get(`/awards/rounds/${id}`));
    const candidates = useLoad(() => api.get(`/awards/rounds/${id}/candidates`));
    const awards = useLoad(async () => (await api.get('/awards')).filter((a) => String(a.round) === String(id)));
    const v = reactive({ decidedOn: today(), decision: '', chosen: new Set() });
    const form = useForm();
    const decided = computed(() => round.data && round.data.status === 'DECIDED');
    const toggle = (lid, on) => { const s = new Set(v.chosen); if (on) s.add(lid); else s.delete(lid); v.chosen = s; };
    const submit = async (e) => {
      e.preventDefault();
      const ok = await confirmAction({
        title: tr('记录评选决定？', 'Record the decision?'),
        body: tr(`将为 ${v.chosen.size} 位楼门栋长颁发“优秀楼门栋长”证书并纳入储备库；决定记录后不能修改。`, `${v.chosen.size} leaders receive the certificate and join the reserve pool; the decision cannot be changed afterwards.`),
        ok: tr('记录决定', 'Record'), danger: false,
      });
      if (!ok) return;
      const r = await form.run(() => api.post(`/awards/rounds/${id}/decision`, { decidedOn: v.decidedOn, awardees: [...v.chosen], decision: v.decision.trim() }));
      if (r) { toast(tr(`已记录决定，颁发证书 ${r.length} 张`, `Decision recorded: ${r.length} certificates`)); round.reload(); awards.data = r; }
    };
    const candColumns = [
      { key: 'pick', label: () => tr('选定', 'Award'), cell: (c) => html`<input class="form-check-input" type="checkbox" id=${'cand-' + c.leader}
          aria-label=${tr(`选定 ${c.name}`, `Award ${c.name}`)} data-testid=${'candidate-' + c.leader} disabled=${decided.value}
          checked=${v.chosen.has(c.leader)} onChange=${(e) => toggle(c.leader, e.target.checked)} />` },
      { key: 'name', label: () => tr('姓名', 'Name'), sortable: true, cell: (c) => html`<a href=${'#/leaders/' + c.leader}>${c.name}</a>` },
      { key: 'community', label: () => tr('社区', 'Community'), sortable: true, cell: (c) => placeName(c.community) },
      { key: 'satisfactionPercent', label: () => tr('最好满意度', 'Best satisfaction'), sortable: true, class: 'text-end figures', sortValue: (c) => Number(c.satisfactionPercent), cell: (c) => fmtPercent(c.satisfactionPercent) },
      { key: 'reportsHandled', label: () => tr('已办结时报', 'Reports confirmed'), sortable: true, class: 'text-end figures' },
    ];
    const awardColumns = [
      { key: 'certificate', label: () => tr('证书编号', 'Certificate'), cell: (a) => html`<span class="mono">${a.certificate}</span>` },
      { key: 'name', label: () => tr('姓名', 'Name') },
      { key: 'community', label: () => tr('社区', 'Community'), cell: (a) => placeName(a.community) },
      { key: 'prioritySupport', label: () => tr('项目优先支持', 'Priority support'), cell: (a) => yesNo(a.prioritySupport) },
      { key: 'reservePool', label: () => tr('进入储备库', 'Reserve pool'), cell: (a) => yesNo(a.reservePool) },
      { key: 'print', label: () => tr('证书', 'Certificate'), cell: (a) => (a.id ? html`<a href=${'#/print/certificate/' + a.id} data-testid="print-certificate">${tr('打印', 'Print')}</a>` : '') },
    ];
    return () => {
      const r = round.data;
      const crumbs = [{ label: tr('评优', 'Awards'), href: '#/awards' }];
      const title = r ? tr(`${r.period} 年度优秀楼门栋长评选 · ${placeName(r.node)}`, `${r.period} excellence round · ${placeName(r.node)}`) : tr('评选', 'Round');
      if (round.error) return html`<div><${PageHeader} title=${title} crumbs=${crumbs} /><${ErrorAlert} error=${round.error} /></div>`;
      if (!r) return html`<div><${PageHeader} title=${title} crumbs=${crumbs} /><${Loading} /></div>`;
      return html`
        <div>
          <${PageHeader} title=${title} crumbs=${crumbs} />
          <div class="card card-body mb-3">
            <div class="d-flex flex-wrap gap-3 align-items-center">
              <span data-testid="round-state">${ROUND_STATUS.badge(r.status)}</span>
              <span>${tr('满意度不低于', 'Satisfaction at least')} <strong>${fmtPercent(r.minSatisfaction)}</strong></span>
              <span>${tr('办结问题时报不少于', 'Reports confirmed at least')} <strong>${r.minReportsHandled}</strong> ${tr('件', '')}</span>
              ${r.decidedOn ? html`<span>${tr('决定日期', 'Decided on')} ${fmtDate(r.decidedOn)}</span>` : null}
            </div>
            ${r.decision ? html`<p class="mb-0 mt-2">${tr('决定：', 'Decision: ')}${r.decision}</p>` : null}
          </div>
          ${decided.value ? html`
            <section class="mb-3" aria-labelledby="aw-title">
              <h2 class="h5" id="aw-title">${tr('获奖名单与证书', 'Awardees and certificates')}</h2>
              ${awards.error ? html`<${ErrorAlert} error=${awards.error} />` : null}
              <${TableCard} busy=${awards.loading} label=${tr('获奖名单', 'Awardees')} testid="round-awards">
                <${DataTable} columns=${awardColumns} rows=${awards.data || []} rowKey="certificate" caption=${tr('获奖名单', 'Awardees')}
                  empty=${tr('本次评选没有获奖人', 'No one was awarded in this round')} />
              <//>
            </section>` : html`
            <section class="mb-3" aria-labelledby="cand-title">
              <h2 class="h5" id="cand-title">${tr('符合条件的候选人', 'Candidates meeting the rules')}</h2>
              ${candidates.error ? html`<${ErrorAlert} error=${candidates.error} />` : null}
              <${TableCard} busy=${candidates.loading} label=${tr('候选人', 'Candidates')} testid="candidates">
                <${DataTable} columns=${candColumns} rows=${candidates.data || []} rowKey="leader" caption=${tr('候选人', 'Candidates')}
                  empty=${tr('暂无符合条件的楼门栋长：需在任、当年有已结束的评议且满意度达到要求。', 'No leader meets the rules yet: in service, with a closed evaluation this year at or above the minimum.')} />
              <//>
            </section>
            <form class="card card-body" novalidate onSubmit=${submit} data-testid="decision-form">
              <h2 class="card-title">${tr('评选决定', 'Decision')}</h2>
              ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
              <p>${tr(`已选定 ${v.chosen.size} 人。`, `${v.chosen.size} chosen.`)}</p>
              ${form.err('awardees') ? html`<div class="invalid-feedback d-block" role="alert">${form.err('awardees')}</div>` : null}
              <div class="row g-2">
                <${Field} col="col-12 col-md-3" label=${tr('决定日期', 'Decided on')} required error=${form.err('decidedOn')}>${({ id: fid }) => html`
                  <input id=${fid} type="date" class="form-control" value=${v.decidedOn} onInput=${(e) => { v.decidedOn = e.target.value; }} />`}<//>
                <${Field} col="col-12 col-md-9" label=${tr('决定文号或会议', 'Decision (document or meeting)')} required error=${form.err('decision')}>${({ id: fid }) => html`
                  <input id=${fid} class="form-control" maxlength="500" value=${v.decision} data-testid="decision-text" onInput=${(e) => { v.decision = e.target.value; }} />`}<//>
              </div>
              <div><${BusyButton} type="submit" busy=${form.busy} disabled=${!v.decision.trim() || !v.decidedOn} testid="decision-submit">${tr('记录决定', 'Record the decision')}<//></div>
            </form>`}
        </div>`;
    };
  },
});
