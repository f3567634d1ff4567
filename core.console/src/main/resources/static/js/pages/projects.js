// 项目扶持: projects leaders propose for their units and buildings (楼门栋建设项目, 志愿服务项目), reviewed by the
// community and then the street; awarded leaders' projects (优秀楼门栋长) are marked and come first in the queue; the
// street's report says how many supported projects came from awarded leaders.
import { html, defineComponent, reactive, ref } from '../lib.js';
import { tr, fmtDate, fmtNumber, today } from '../i18n.js';
import { api } from '../api.js';
import { scope } from '../auth.js';
import { route, setQuery } from '../router.js';
import { PageHeader, FilterBar, Field, options, ErrorAlert, BusyButton, DataTable, Pager, toast, useLoad, useForm } from '../ui.js';
import { PlacePicker, effectivePlace, TableCard } from '../widgets/work-common.js';
import { PROJECT_STATUS, PROJECT_KIND, yuan, priorityMark } from '../widgets/civic-common.js';

const SIZE = 20;
const STREET = ['DISTRICT_ADMIN', 'STREET_ADMIN'];

/** The review of one project at the caller's level: approve (with the amount at the street) or decline with a note. */
const Review = defineComponent({
  props: { project: Object, level: String, onDone: Function, onCancel: Function },
  setup(props) {
    const v = reactive({ decision: 'APPROVE', amount: String(props.project.budgetAsked ?? ''), note: '' });
    const form = useForm();
    const street = props.level === 'street';
    const submit = async (e) => {
      e.preventDefault();
      const body = { decision: v.decision, note: v.note.trim() || null };
      if (street && v.decision === 'APPROVE') body.amountGranted = v.amount === '' ? null : Number(v.amount);
      const r = await form.run(() => api.post(`/projects/${props.project.id}/${street ? 'street' : 'community'}-review`, body));
      if (r) { toast(tr('审核意见已保存', 'Review saved')); props.onDone(r); }
    };
    const p = props.project;
    return () => html`
      <form class="card card-body mb-3 border-primary" novalidate onSubmit=${submit} data-testid="project-review">
        <h2 class="card-title h5">${street ? tr('街道审核', 'Street review') : tr('社区审核', 'Community review')}：${p.title}</h2>
        <p class="mb-2">${priorityMark(p)} ${PROJECT_KIND.label(p.kind)} · ${p.communityName || ''} ${p.placeLabel} · ${p.leaderName || ''} · ${tr('申请', 'asks')} ${yuan(p.budgetAsked)}</p>
        <p class="mb-2 text-body-secondary">${p.description}</p>
        ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
        <div class="row g-2">
          <${Field} col="col-12 col-md-3" label=${tr('审核意见', 'Decision')} required error=${form.err('decision')}>${({ id }) => html`
            <select id=${id} class="form-select" data-testid="review-decision" onChange=${(e) => { v.decision = e.target.value; }}>
              ${options([{ value: 'APPROVE', label: street ? tr('批准', 'Approve') : tr('同意，报街道', 'Agree, forward to the street') }, { value: 'DECLINE', label: tr('不同意', 'Decline') }], v.decision)}</select>`}<//>
          ${street && v.decision === 'APPROVE' ? html`<${Field} col="col-12 col-md-3" label=${tr('批准金额（元）', 'Amount granted (yuan)')} required error=${form.err('amountGranted')}
              help=${tr('不超过申请金额', 'At most the amount asked')}>${({ id }) => html`
            <input id=${id} type="number" min="0.01" step="0.01" class="form-control" data-testid="review-amount" value=${v.amount} onInput=${(e) => { v.amount = e.target.value; }} />`}<//>` : null}
          <${Field} col="col-12 col-md-6" label=${v.decision === 'DECLINE' ? tr('理由', 'Reason') : tr('说明（可不填）', 'Note (optional)')} required=${v.decision === 'DECLINE'} error=${form.err('note')}>${({ id }) => html`
            <input id=${id} class="form-control" maxlength="500" data-testid="review-note" value=${v.note} onInput=${(e) => { v.note = e.target.value; }} />`}<//>
        </div>
        <div class="d-flex gap-2 mt-2">
          <${BusyButton} type="submit" busy=${form.busy} testid="review-submit">${tr('提交审核', 'Submit the review')}<//>
          <button type="button" class="btn btn-outline-secondary" onClick=${() => props.onCancel()}>${tr('取消', 'Cancel')}</button>
        </div>
      </form>`;
  },
});

/** The street's report: projects of the year and how many of the approved came from awarded leaders. */
const Report = defineComponent({
  props: { stats: Object },
  setup(props) {
    return () => {
      const s = props.stats;
      if (!s) return null;
      const cells = [
        [tr('本年申报', 'Proposed this year'), fmtNumber(s.proposed), 'proposed'],
        [tr('待审核', 'Awaiting review'), fmtNumber(s.open), 'open'],
        [tr('已批准', 'Approved'), fmtNumber(s.approved), 'approved'],
        [tr('其中优秀楼门栋长项目', 'of which by awarded leaders'), fmtNumber(s.approvedFromAwarded), 'approvedFromAwarded'],
        [tr('批准金额', 'Granted'), yuan(s.granted), 'granted'],
        [tr('未通过', 'Declined'), fmtNumber(s.declined), 'declined'],
      ];
      return html`<section class="card card-body mb-3" aria-labelledby="pj-report" data-testid="project-report">
        <h2 id="pj-report" class="h5">${tr(`${s.year} 年项目扶持情况`, `Projects supported in ${s.year}`)}</h2>
        <dl class="row mb-0 figures-row">${cells.map(([k, v, key]) => html`<div class="col-6 col-md-2" key=${key}>
          <dt class="small text-body-secondary fw-normal">${k}</dt><dd class="fs-4 mb-0" data-figure=${key}>${v}</dd></div>`)}</dl>
        <p class="small text-body-secondary mb-0 mt-2">${tr(`优秀楼门栋长申报 ${s.fromAwarded} 项，获批 ${s.approvedFromAwarded} 项。评优当年及次年申报的项目优先扶持。`,
          `Awarded leaders proposed ${s.fromAwarded}, ${s.approvedFromAwarded} approved. Projects proposed in an award's year and the next get priority.`)}</p>
      </section>`;
    };
  },
});

export default defineComponent({
  setup() {
    const f = reactive({ street: route.query.street || '', community: route.query.community || '', status: route.query.status || '' });
    const applied = reactive({ ...f });
    const page = ref(Number(route.query.page) || 1);
    const reviewing = ref(null);
    const list = useLoad(() => api.get('/projects', { ...effectivePlace(applied), status: applied.status, page: page.value, size: SIZE }));
    const stats = useLoad(() => api.get('/projects/stats', effectivePlace(applied)));
    const reload = () => { list.reload(); stats.reload(); };
    const search = () => { Object.assign(applied, f); page.value = 1; setQuery({ ...applied }); reload(); };
    const reset = () => { Object.assign(f, { street: '', community: '', status: '' }); search(); };
    const level = (p) => {
      if (p.status === 'PROPOSED' && scope.role === 'COMMUNITY_SECRETARY') return 'community';
      if (p.status === 'FORWARDED' && STREET.includes(scope.role)) return 'street';
      return null;
    };
    const columns = [
      { key: 'title', label: () => tr('项目', 'Project'), cell: (p) => html`<div class="fw-semibold">${p.title}</div>${priorityMark(p)}` },
      { key: 'kind', label: () => tr('类别', 'Kind'), cell: (p) => PROJECT_KIND.label(p.kind) },
      { key: 'place', label: () => tr('地点', 'Place'), cell: (p) => `${p.communityName || ''} ${p.placeLabel || ''}` },
      { key: 'leaderName', label: () => tr('申报人', 'Proposed by'), cell: (p) => (p.leader ? html`<a href=${'#/leaders/' + p.leader}>${p.leaderName || '#' + p.leader}</a>` : '—') },
      { key: 'proposedOn', label: () => tr('申报日期', 'Proposed on'), cell: (p) => fmtDate(p.proposedOn) },
      { key: 'budgetAsked', label: () => tr('申请金额', 'Asked'), class: 'text-end figures', cell: (p) => yuan(p.budgetAsked) },
      { key: 'amountGranted', label: () => tr('批准金额', 'Granted'), class: 'text-end figures', cell: (p) => yuan(p.amountGranted) },
      { key: 'status', label: () => tr('状态', 'Status'), cell: (p) => html`${PROJECT_STATUS.badge(p.status)}${(p.streetReview || p.communityReview || {}).note ? html`<div class="small text-body-secondary">${(p.streetReview || p.communityReview).note}</div>` : null}` },
      { key: 'actions', label: () => tr('操作', 'Actions'), cell: (p) => (level(p)
        ? html`<button type="button" class="btn btn-sm btn-primary" data-testid="project-review-open" onClick=${() => { reviewing.value = { project: p, level: level(p) }; }}>${level(p) === 'street' ? tr('街道审核', 'Street review') : tr('社区审核', 'Review')}</button>`
        : html`<span class="text-body-secondary small">—</span>`) },
    ];
    return () => html`
      <div>
        <${PageHeader} title=${tr('项目扶持', 'Projects')} />
        <p class="text-body-secondary">${tr('楼门栋长申报楼门栋建设项目和志愿服务项目，社区初审、街道审批。优秀楼门栋长的项目标“优先”并排在审核队列前面。',
          'Leaders propose unit improvements and volunteer projects; the community reviews first, the street approves. Awarded leaders’ projects are marked and come first in the queue.')}</p>
        <${Report} stats=${stats.data} />
        <${FilterBar} onSearch=${search} onReset=${reset}>
          <${PlacePicker} street=${f.street} community=${f.community} testid="pj" onChange=${(x) => { f.street = x.street; f.community = x.community; }} />
          <div class="col-12 col-md-3">
            <label class="form-label" for="pj-status">${tr('状态', 'Status')}</label>
            <select id="pj-status" class="form-select" onChange=${(e) => { f.status = e.target.value; }}>${options(PROJECT_STATUS.options(), f.status, tr('全部', 'All'))}</select>
          </div><//>
        ${reviewing.value ? html`<${Review} key=${reviewing.value.project.id} project=${reviewing.value.project} level=${reviewing.value.level}
            onDone=${() => { reviewing.value = null; reload(); }} onCancel=${() => { reviewing.value = null; }} />` : null}
        ${list.error ? html`<${ErrorAlert} error=${list.error} />` : null}
        <${TableCard} busy=${list.loading} label=${tr('审核队列', 'Review queue')} testid="projects">
          <${DataTable} columns=${columns} rows=${(list.data && list.data.items) || []} caption=${tr('审核队列', 'Review queue')}
            rowClass=${(p) => (p.priority && ['PROPOSED', 'FORWARDED'].includes(p.status) ? 'row-priority' : '')}
            empty=${tr('还没有项目。楼门栋长在工作台“项目申报”中提交。', 'No projects yet. Leaders propose them from their workspace.')} />
        <//>
        <${Pager} page=${page.value} size=${SIZE} total=${(list.data && list.data.total) || 0} onPage=${(n) => { page.value = n; list.reload(); }} />
      </div>`;
  },
});
