// 评优: selection rounds of 优秀楼门栋长 (district and street administrators open them with their rules), the awards
// with their certificate numbers, and the reserve pool for the residents' committees' sub-committees.
import { html, defineComponent, reactive, computed, onMounted, ref } from '../lib.js';
import { tr, fmtDate, fmtNumber, fmtPercent, today } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { scope, scopeStreet } from '../auth.js';
import { route, navigate, setQuery } from '../router.js';
import { placeName, loadStreets } from '../places.js';
import { PageHeader, FilterBar, Field, options, ErrorAlert, BusyButton, DataTable, badge, toast, useLoad, useForm } from '../ui.js';
import { ROUND_STATUS, TableCard, yesNo } from '../widgets/work-common.js';

const SELECTORS = ['DISTRICT_ADMIN', 'STREET_ADMIN'];

/** Opening a round: the district's or a street's, for a year, with its rules. */
const NewRound = defineComponent({
  props: { onCancel: Function },
  setup(props) {
    const district = scope.role === 'DISTRICT_ADMIN';
    const v = reactive({ node: district ? scope.node : scopeStreet.value, period: today().slice(0, 4), minSatisfaction: '90', minReportsHandled: '1' });
    const streets = ref([]);
    onMounted(async () => { if (district) streets.value = await loadStreets().catch(() => []); });
    const form = useForm();
    const submit = async (e) => {
      e.preventDefault();
      const r = await form.run(() => api.post('/awards/rounds', {
        node: v.node, period: v.period.trim(), minSatisfaction: v.minSatisfaction === '' ? null : Number(v.minSatisfaction),
        minReportsHandled: v.minReportsHandled === '' ? null : Number(v.minReportsHandled),
      }));
      if (r) { toast(tr('评选已开启', 'Round opened')); navigate('/awards/' + r.id); }
    };
    const nodes = () => (district
      ? [{ value: scope.node, label: tr('全区评选', 'District-wide') + ' · ' + placeName(scope.node) }, ...streets.value.map((s) => ({ value: s.code, label: s.name }))]
      : [{ value: scopeStreet.value, label: placeName(scopeStreet.value) }]);
    return () => html`
      <form class="card card-body mb-3" novalidate onSubmit=${submit} data-testid="round-form">
        <h2 class="card-title">${tr('开启评选', 'Open a selection round')}</h2>
        ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error instanceof ApiError && form.error.code === 'round-exists'
          ? new Error(tr('该范围本年度的评选已经开启过，每年只开展一次。', 'This level already has a round for that year; one per year.')) : form.error} />` : null}
        <div class="row g-2">
          <${Field} col="col-12 col-md-4" label=${tr('评选范围', 'Level')} required error=${form.err('node')}>${({ id }) => html`
            <select id=${id} class="form-select" disabled=${!district} onChange=${(e) => { v.node = e.target.value; }}>${options(nodes(), v.node)}</select>`}<//>
          <${Field} col="col-6 col-md-2" label=${tr('年度', 'Year')} required error=${form.err('period')}>${({ id }) => html`
            <input id=${id} class="form-control" inputmode="numeric" maxlength="4" value=${v.period} data-testid="round-period" onInput=${(e) => { v.period = e.target.value; }} />`}<//>
          <${Field} col="col-6 col-md-3" label=${tr('最低满意度（%）', 'Minimum satisfaction (%)')} required error=${form.err('minSatisfaction')}
                    help=${tr('60 至 100；取当年已结束评议中的最好成绩', '60 to 100; the best of the year’s closed evaluations counts')}>${({ id }) => html`
            <input id=${id} type="number" min="60" max="100" step="0.01" class="form-control" value=${v.minSatisfaction} onInput=${(e) => { v.minSatisfaction = e.target.value; }} />`}<//>
          <${Field} col="col-6 col-md-3" label=${tr('至少办结问题时报（件）', 'Reports handled, at least')} required error=${form.err('minReportsHandled')}>${({ id }) => html`
            <input id=${id} type="number" min="0" step="1" class="form-control" value=${v.minReportsHandled} onInput=${(e) => { v.minReportsHandled = e.target.value; }} />`}<//>
        </div>
        <div class="d-flex gap-2">
          <${BusyButton} type="submit" busy=${form.busy} disabled=${!/^20\d\d$/.test(v.period.trim())} testid="round-submit">${tr('开启评选', 'Open')}<//>
          <button type="button" class="btn btn-outline-secondary" onClick=${() => props.onCancel()}>${tr('取消', 'Cancel')}</button>
        </div>
      </form>`;
  },
});

export default defineComponent({
  setup() {
    const selector = computed(() => SELECTORS.includes(scope.role));
    const tab = computed(() => route.query.tab || 'rounds');
    const f = reactive({ street: route.query.street || '' });
    const applied = reactive({ ...f });
    const creating = ref(false);
    const streets = useLoad(() => (scope.role === 'DISTRICT_ADMIN' ? loadStreets() : Promise.resolve([])));
    const street = () => scopeStreet.value ? '' : applied.street;
    const missingRounds = ref(false);
    const rounds = useLoad(async () => {
      try {
        return await api.get('/awards/rounds', { street: street() });
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) { missingRounds.value = true; return []; }
        throw e;
      }
    });
    const awards = useLoad(() => api.get('/awards', { street: street() }));
    const pool = useLoad(() => api.get('/awards/reserve-pool', { street: street() }));
    const search = () => { Object.assign(applied, f); setQuery({ tab: route.query.tab, street: applied.street }); rounds.reload(); awards.reload(); pool.reload(); };
    const reset = () => { f.street = ''; search(); };
    const setTab = (t) => setQuery({ tab: t, street: applied.street });

    const roundColumns = [
      { key: 'period', label: () => tr('年度', 'Year'), sortable: true },
      { key: 'node', label: () => tr('范围', 'Level'), sortable: true, cell: (r) => r.nodeName || placeName(r.node) },
      { key: 'minSatisfaction', label: () => tr('满意度不低于', 'Satisfaction ≥'), class: 'text-end figures', cell: (r) => fmtPercent(r.minSatisfaction) },
      { key: 'minReportsHandled', label: () => tr('办结时报不少于', 'Reports ≥'), class: 'text-end figures' },
      { key: 'decided', label: () => tr('状态', 'Status'), sortable: true, cell: (r) => ROUND_STATUS.badge(r.decided || r.status === 'DECIDED' ? 'DECIDED' : 'OPEN') },
      { key: 'decidedOn', label: () => tr('决定日期', 'Decided on'), sortable: true, cell: (r) => fmtDate(r.decidedOn) || '—' },
      { key: 'awardees', label: () => tr('获评人数', 'Awardees'), class: 'text-end figures', cell: (r) => (r.decided ? fmtNumber(r.awardees) : '—') },
      { key: 'actions', label: () => tr('操作', 'Actions'), cell: (r) => (selector.value && scope.node && (r.node || '').startsWith(scope.node)
        ? html`<a class="btn btn-sm btn-link px-1" href=${'#/awards/' + r.id} data-testid="round-link">${r.decided ? tr('查看', 'View') : tr('评选', 'Select')}</a>`
        : html`<span class="text-body-secondary small">${tr('由上级组织', 'run above you')}</span>`) },
    ];
    const awardColumns = [
      { key: 'certificate', label: () => tr('证书编号', 'Certificate'), sortable: true, cell: (a) => html`<span class="mono">${a.certificate}</span>` },
      { key: 'name', label: () => tr('姓名', 'Name'), sortable: true, cell: (a) => html`<a href=${'#/leaders/' + a.leader}>${a.name || '#' + a.leader}</a>` },
      { key: 'community', label: () => tr('社区', 'Community'), sortable: true, cell: (a) => placeName(a.community) },
      { key: 'prioritySupport', label: () => tr('项目优先支持', 'Priority support'), cell: (a) => yesNo(a.prioritySupport) },
      { key: 'reservePool', label: () => tr('进入储备库', 'Reserve pool'), cell: (a) => yesNo(a.reservePool) },
      { key: 'round', label: () => tr('评选', 'Round'), cell: (a) => (selector.value ? html`<a href=${'#/awards/' + a.round}>${tr('查看评选', 'round')} ${a.round}</a>` : a.round) },
      { key: 'print', label: () => tr('证书', 'Certificate'), cell: (a) => (a.id ? html`<a href=${'#/print/certificate/' + a.id} data-testid="print-certificate">${tr('打印', 'Print')}</a>` : '') },
    ];
    const tabs = () => [
      { id: 'rounds', label: tr('评选', 'Rounds') },
      { id: 'awards', label: tr('获奖名单', 'Awards') },
      { id: 'pool', label: tr('储备库', 'Reserve pool') },
    ];
    return () => {
      const t = tab.value;
      return html`
        <div>
          <${PageHeader} title=${tr('评优', 'Awards')}>
            ${selector.value && !creating.value ? html`<button type="button" class="btn btn-primary" data-testid="round-new" onClick=${() => { creating.value = true; }}>＋ ${tr('开启评选', 'Open a round')}</button>` : null}
          <//>
          ${creating.value ? html`<${NewRound} onCancel=${() => { creating.value = false; }} />` : null}
          ${scope.role === 'DISTRICT_ADMIN' ? html`<${FilterBar} onSearch=${search} onReset=${reset}>
            <div class="col-12 col-md-3">
              <label class="form-label" for="af-street">${tr('街道/镇', 'Street / town')}</label>
              <select id="af-street" class="form-select" onChange=${(e) => { f.street = e.target.value; }}>
                ${options((streets.data || []).map((s) => ({ value: s.code, label: s.name })), f.street, tr('全部街道', 'All streets'))}</select>
            </div><//>` : null}
          <ul class="nav nav-tabs mb-0" role="tablist">
            ${tabs().map((x) => html`<li class="nav-item" role="presentation" key=${x.id}>
              <button type="button" role="tab" class=${'nav-link' + (t === x.id ? ' active' : '')} aria-selected=${t === x.id ? 'true' : 'false'}
                data-testid=${'tab-' + x.id} onClick=${() => setTab(x.id)}>${x.label}</button></li>`)}
          </ul>
          ${t === 'rounds' ? html`<div role="tabpanel">
              ${rounds.error ? html`<${ErrorAlert} error=${rounds.error} />` : null}
              ${missingRounds.value ? html`<div class="alert alert-info mt-2">${tr('服务器尚未提供评选列表；开启评选后会直接进入评选页面。', 'The server does not list rounds yet; opening one takes you to it.')}</div>` : null}
              <${TableCard} busy=${rounds.loading} label=${tr('评选', 'Rounds')} testid="rounds">
                <${DataTable} columns=${roundColumns} rows=${rounds.data || []} caption=${tr('评选', 'Rounds')}
                  empty=${tr('还没有评选。点“开启评选”设定年度和条件。', 'No rounds yet. Press “Open a round” to set a year and rules.')} />
              <//></div>` : null}
          ${t === 'awards' ? html`<div role="tabpanel">
              ${awards.error ? html`<${ErrorAlert} error=${awards.error} />` : null}
              <${TableCard} busy=${awards.loading} label=${tr('获奖名单', 'Awards')} testid="awards">
                <${DataTable} columns=${awardColumns} rows=${awards.data || []} rowKey="certificate" caption=${tr('获奖名单', 'Awards')}
                  empty=${tr('还没有获奖的楼门栋长。评选决定后，获奖名单和证书编号显示在这里。', 'No awards yet. Once a round is decided the awardees and certificates show here.')} />
              <//></div>` : null}
          ${t === 'pool' ? html`<div role="tabpanel">
              <p class="text-body-secondary mt-2 mb-2">${tr('获评优秀的楼门栋长进入储备库，作为居委会下属委员会成员的人选。', 'Awardees join the reserve pool for the residents’ committees’ sub-committees.')}</p>
              ${pool.error ? html`<${ErrorAlert} error=${pool.error} />` : null}
              <${TableCard} busy=${pool.loading} label=${tr('储备库', 'Reserve pool')} testid="pool">
                <${DataTable} columns=${awardColumns} rows=${pool.data || []} rowKey="certificate" caption=${tr('储备库', 'Reserve pool')}
                  empty=${tr('储备库暂无人员。', 'The reserve pool is empty.')} />
              <//></div>` : null}
        </div>`;
    };
  },
});
