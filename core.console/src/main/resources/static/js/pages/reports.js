// 问题时报: the list within scope (newest first, overdue ones highlighted and marked in words), the staff's counts by
// duty and status, and the form to file a new report (secretaries and leaders, on a place they cover).
import { html, defineComponent, reactive, ref, computed, watch } from '../lib.js';
import { tr, fmtDateTime, fmtNumber } from '../i18n.js';
import { api } from '../api.js';
import { has, scope, scopeCommunity, STAFF, bindings, kindOf } from '../auth.js';
import { route, href, navigate, setQuery } from '../router.js';
import { placeName, learn } from '../places.js';
import {
  PageHeader, FilterBar, Field, options, ErrorAlert, BusyButton, DataTable, Pager, badge, toast, useLoad, useForm,
} from '../ui.js';
import { REPORT_STATUS, URGENCY, DUTY, PlacePicker, effectivePlace, TableCard } from '../widgets/work-common.js';

const SIZE = 20;

/** The counts at the top, for staff: totals, by status (links to the filtered list) and by duty. */
const Stats = defineComponent({
  props: { street: String, community: String },
  setup(props) {
    const stats = useLoad(() => api.get('/reports/stats', { street: props.street, community: props.community }));
    watch(() => [props.street, props.community], () => stats.reload());
    return () => {
      const s = stats.data;
      if (stats.error) return html`<${ErrorAlert} error=${stats.error} />`;
      if (!s) return null;
      return html`
        <div class="row g-3 mb-3" data-testid="report-stats">
          <div class="col-12 col-lg-5">
            <div class="card h-100"><div class="card-body">
              <h2 class="card-title">${tr('办理情况', 'Where reports stand')}</h2>
              <div class="d-flex flex-wrap gap-3 figures mb-2">
                <a class="stat" href=${href('/reports', { street: props.street, community: props.community })}>
                  <span class="num">${fmtNumber(s.total)}</span><span class="lbl d-block">${tr('全部', 'All')}</span></a>
                <a class="stat" href=${href('/reports', { street: props.street, community: props.community, overdue: 'true' })}>
                  <span class="num text-danger-emphasis">${fmtNumber(s.overdue)}</span><span class="lbl d-block">${tr('已超时', 'Overdue')}</span></a>
              </div>
              <ul class="list-inline mb-0">
                ${Object.keys(REPORT_STATUS_ORDER).map((k) => html`<li class="list-inline-item mb-1">
                  <a href=${href('/reports', { street: props.street, community: props.community, status: k })} class="text-decoration-none">
                    ${REPORT_STATUS.badge(k)} <span class="figures">${fmtNumber((s.byStatus || {})[k] || 0)}</span></a></li>`)}
              </ul>
            </div></div>
          </div>
          <div class="col-12 col-lg-7">
            <div class="card h-100"><div class="card-body">
              <h2 class="card-title">${tr('按职责（五员）', 'By duty (five duties)')}</h2>
              <div class="table-responsive">
                <table class="table table-sm mb-0 figures">
                  <thead><tr><th scope="col">${tr('职责', 'Duty')}</th><th scope="col" class="text-end">${tr('合计', 'Total')}</th>
                    <th scope="col" class="text-end">${tr('未办结', 'Open')}</th><th scope="col" class="text-end">${tr('超时', 'Overdue')}</th></tr></thead>
                  <tbody>${(s.byDuty || []).map((d) => html`<tr key=${d.duty}>
                    <td>${DUTY.label(d.duty)}</td><td class="text-end">${fmtNumber(d.total)}</td>
                    <td class="text-end">${fmtNumber(d.open)}</td>
                    <td class=${'text-end' + (d.overdue ? ' text-danger-emphasis fw-semibold' : '')}>${fmtNumber(d.overdue)}</td></tr>`)}</tbody>
                </table>
              </div>
            </div></div>
          </div>
        </div>`;
    };
  },
});
const REPORT_STATUS_ORDER = { REPORTED: 1, ACCEPTED: 2, ASSIGNED: 3, RESOLVED: 4, REOPENED: 5, CONFIRMED: 6 };

/** The places the user may file on: a secretary's buildings and units, a leader's own bindings. */
async function placesFor() {
  const out = [];
  if (scope.role === 'LEADER') {
    for (const b of bindings('LEADER')) {
      out.push({ value: b.node, label: placeName(b.node) === b.node ? b.node : placeName(b.node) });
    }
    return out;
  }
  const community = scopeCommunity.value;
  if (!community) return out;
  out.push({ value: community, label: tr('整个社区', 'The whole community') + ' · ' + placeName(community) });
  const buildings = await api.get(`/communities/${community}/buildings`);
  for (const bd of buildings) {
    learn(bd.code, bd.label);
    out.push({ value: bd.code, label: bd.label });
    for (const u of bd.units || []) { learn(u.code, bd.label + u.label); out.push({ value: u.code, label: '　' + bd.label + u.label }); }
  }
  return out;
}

/** Filing a new report. */
const NewReport = defineComponent({
  props: { onDone: Function, onCancel: Function },
  setup(props) {
    const v = reactive({ place: '', household: '', duty: '', urgency: 'NORMAL', description: '' });
    const form = useForm();
    const places = useLoad(placesFor);
    const duties = useLoad(() => api.get('/duties'));
    const households = ref([]);
    watch(() => v.place, async (p) => {
      v.household = '';
      households.value = [];
      if (kindOf(p) !== 'unit') return;
      try {
        const r = await api.get('/households', { unit: p, size: 200 });
        households.value = r.items || [];
      } catch (e) { households.value = []; }
    });
    const submit = async (e) => {
      e.preventDefault();
      const created = await form.run(() => api.post('/reports', {
        place: v.place, household: v.household ? Number(v.household) : null, duty: v.duty || null,
        urgency: v.urgency, description: v.description.trim(),
      }));
      if (created) {
        toast(tr(`问题时报已上报（编号 ${created.id}）`, `Report ${created.id} filed`));
        props.onDone(created);
      }
    };
    return () => html`
      <form class="card card-body mb-3" onSubmit=${submit} novalidate data-testid="report-form">
        <h2 class="card-title">${tr('上报问题', 'File a report')}</h2>
        ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
        ${places.error ? html`<${ErrorAlert} error=${places.error} />` : null}
        <div class="row g-2">
          <${Field} col="col-12 col-md-4" label=${tr('地点', 'Place')} required error=${form.err('place')}>${({ id }) => html`
            <select id=${id} class="form-select" data-testid="report-place" onChange=${(e) => { v.place = e.target.value; }}>
              ${options(places.data || [], v.place, tr('请选择楼栋或单元', 'Choose a building or unit'))}</select>`}<//>
          <${Field} col="col-12 col-md-4" label=${tr('住户（可选）', 'Household (optional)')} error=${form.err('household')}
                    help=${kindOf(v.place) === 'unit' ? null : tr('选择单元后可指定住户', 'Choose a unit to name a household')}>${({ id }) => html`
            <select id=${id} class="form-select" disabled=${!households.value.length} onChange=${(e) => { v.household = e.target.value; }}>
              ${options(households.value.map((h) => ({ value: h.id, label: h.room + (h.headName ? ' ' + h.headName : '') })), v.household, tr('不指定', 'None'))}</select>`}<//>
          <${Field} col="col-12 col-md-4" label=${tr('职责（五员）', 'Duty')} required error=${form.err('duty')}>${({ id }) => html`
            <select id=${id} class="form-select" data-testid="report-duty" onChange=${(e) => { v.duty = e.target.value; }}>
              ${options((duties.data || []).map((d) => ({ value: d.id, label: DUTY.label(d.id) })), v.duty, tr('请选择', 'Choose'))}</select>`}<//>
        </div>
        <fieldset class="mb-3">
          <legend class="form-label fs-6">${tr('紧急程度', 'Urgency')}<span class="text-danger ms-1" aria-hidden="true">*</span></legend>
          ${URGENCY.options().map((o) => html`<div class="form-check form-check-inline" key=${o.value}>
            <input class="form-check-input" type="radio" name="urgency" id=${'urg-' + o.value} value=${o.value}
                   checked=${v.urgency === o.value} onChange=${() => { v.urgency = o.value; }} />
            <label class="form-check-label" for=${'urg-' + o.value}>${o.label}</label></div>`)}
          <div class="form-text">${tr('一般 72 小时内办结，紧急 24 小时，重大 4 小时且立即上报社区。', 'Normal: due in 72 h; urgent: 24 h; major: 4 h and escalated to the community at once.')}</div>
          ${form.err('urgency') ? html`<div class="invalid-feedback d-block" role="alert">${form.err('urgency')}</div>` : null}
        </fieldset>
        <${Field} label=${tr('问题描述', 'Description')} required error=${form.err('description')}>${({ id }) => html`
          <textarea id=${id} class="form-control" rows="3" maxlength="2000" data-testid="report-description"
                    value=${v.description} onInput=${(e) => { v.description = e.target.value; }}></textarea>`}<//>
        <div class="d-flex gap-2">
          <${BusyButton} type="submit" busy=${form.busy} disabled=${!v.place || !v.duty || !v.description.trim()} testid="report-submit">${tr('上报', 'File')}<//>
          <button type="button" class="btn btn-outline-secondary" onClick=${() => props.onCancel()}>${tr('取消', 'Cancel')}</button>
        </div>
      </form>`;
  },
});

export default defineComponent({
  setup() {
    const q = route.query;
    const f = reactive({ street: q.street || '', community: q.community || '', status: q.status || '', overdue: q.overdue === 'true' });
    const applied = reactive({ ...f });
    const page = ref(Number(q.page) || 1);
    const filing = ref(false);
    const staff = computed(() => STAFF.includes(scope.role));
    const mayFile = computed(() => (scope.role === 'COMMUNITY_SECRETARY' || scope.role === 'LEADER'));
    const list = useLoad(() => {
      const p = effectivePlace(applied);
      return api.get('/reports', { street: p.street, community: p.community, status: applied.status,
        overdue: applied.overdue ? 'true' : '', page: page.value, size: SIZE });
    });
    const sync = () => setQuery({ street: applied.street, community: applied.community, status: applied.status,
      overdue: applied.overdue ? 'true' : '', page: page.value > 1 ? page.value : '' });
    const search = () => { Object.assign(applied, f); page.value = 1; sync(); list.reload(); };
    const reset = () => { Object.assign(f, { street: '', community: '', status: '', overdue: false }); search(); };
    watch(() => route.query, (nq) => {
      // a count on the stats card was followed: take its filters
      if ((nq.status || '') !== applied.status || (nq.overdue === 'true') !== applied.overdue) {
        Object.assign(f, { street: nq.street || '', community: nq.community || '', status: nq.status || '', overdue: nq.overdue === 'true' });
        Object.assign(applied, f); page.value = 1; list.reload();
      }
    });
    const columns = [
      { key: 'id', label: () => tr('编号', 'No.'), cell: (r) => html`<a href=${'#/reports/' + r.id} data-testid="report-link">${r.id}</a>` },
      { key: 'createdAt', label: () => tr('上报时间', 'Filed'), cell: (r) => fmtDateTime(r.createdAt) },
      { key: 'place', label: () => tr('地点', 'Place'), cell: (r) => html`<span>${placeName(r.community)}</span><br /><small class="text-body-secondary mono">${r.place}</small>` },
      { key: 'duty', label: () => tr('职责', 'Duty'), cell: (r) => DUTY.label(r.duty) },
      { key: 'urgency', label: () => tr('紧急程度', 'Urgency'), cell: (r) => URGENCY.badge(r.urgency) },
      { key: 'description', label: () => tr('问题', 'Problem'), cell: (r) => html`<span class="d-inline-block text-truncate" style=${{ maxWidth: '16rem' }}>${r.description}</span>` },
      { key: 'status', label: () => tr('状态', 'Status'), cell: (r) => html`<span data-testid="report-status">${REPORT_STATUS.badge(r.status)}</span>${r.escalated ? html` ${badge(tr('已上报社区', 'Escalated'), 'danger')}` : null}` },
      { key: 'dueAt', label: () => tr('办结时限', 'Due'), cell: (r) => html`${fmtDateTime(r.dueAt)}${r.overdue ? html` ${badge(tr('已超时', 'Overdue'), 'danger')}` : null}` },
      { key: 'actions', label: () => tr('操作', 'Actions'), cell: (r) => html`<a class="btn btn-sm btn-link px-1" href=${'#/reports/' + r.id}>${tr('查看', 'View')}</a>` },
    ];
    const onFiled = (r) => { filing.value = false; navigate('/reports/' + r.id); };
    return () => {
      const data = list.data;
      const p = effectivePlace(applied);
      return html`
        <div>
          <${PageHeader} title=${tr('问题时报', 'Problem reports')}>
            ${mayFile.value && !filing.value ? html`<button type="button" class="btn btn-primary" data-testid="report-new" onClick=${() => { filing.value = true; }}>＋ ${tr('上报问题', 'File a report')}</button>` : null}
          <//>
          ${filing.value ? html`<${NewReport} onDone=${onFiled} onCancel=${() => { filing.value = false; }} />` : null}
          ${staff.value ? html`<${Stats} street=${p.street} community=${p.community} />` : null}
          <${FilterBar} onSearch=${search} onReset=${reset}>
            ${scope.role === 'LEADER' ? null : html`<${PlacePicker} street=${f.street} community=${f.community} col="col-12 col-md-3"
              onChange=${(x) => { f.street = x.street; f.community = x.community; }} />`}
            <div class="col-12 col-md-2">
              <label class="form-label" for="rf-status">${tr('状态', 'Status')}</label>
              <select id="rf-status" class="form-select" data-testid="filter-status" onChange=${(e) => { f.status = e.target.value; }}>
                ${options(REPORT_STATUS.options(), f.status, tr('全部状态', 'All statuses'))}</select>
            </div>
            <div class="col-12 col-md-2">
              <div class="form-check mb-2">
                <input class="form-check-input" type="checkbox" id="rf-overdue" data-testid="filter-overdue" checked=${f.overdue}
                       onChange=${(e) => { f.overdue = e.target.checked; }} />
                <label class="form-check-label" for="rf-overdue">${tr('只看超时', 'Overdue only')}</label>
              </div>
            </div>
          <//>
          ${list.error ? html`<${ErrorAlert} error=${list.error} />` : null}
          <${TableCard} busy=${list.loading} label=${tr('问题时报列表', 'Problem reports')} testid="report-list">
            <${DataTable} columns=${columns} rows=${data ? data.items : []} caption=${tr('问题时报列表', 'Problem reports')}
              rowClass=${(r) => (r.overdue ? 'row-overdue' : '')}
              empty=${applied.overdue || applied.status
                ? tr('没有符合条件的问题时报。可点“重置”查看全部。', 'No report matches. Press Reset to see all.')
                : mayFile.value ? tr('还没有问题时报。发现问题时点“上报问题”。', 'No reports yet. Press “File a report” when you find a problem.')
                  : tr('范围内还没有问题时报。', 'No reports within your scope yet.')} />
          <//>
          ${data ? html`<${Pager} page=${page.value} size=${SIZE} total=${data.total} onPage=${(n) => { page.value = n; sync(); list.reload(); }} />` : null}
        </div>`;
    };
  },
});
