// 群众评议: the semi-annual evaluations within scope, the communities that have none for the current half-year, and
// opening one for a community and period (one per community and period: a second is refused and explained).
import { html, defineComponent, reactive, ref, computed } from '../lib.js';
import { tr, fmtDate, fmtNumber, fmtPercent, period as periodOf, today } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { scopeCommunity } from '../auth.js';
import { route, navigate, setQuery, href } from '../router.js';
import { placeName } from '../places.js';
import { PageHeader, FilterBar, Field, options, ErrorAlert, BusyButton, DataTable, Pager, toast, useLoad, useForm } from '../ui.js';
import { EVALUATION_STATUS, PlacePicker, effectivePlace, scopeCommunities, TableCard } from '../widgets/work-common.js';

const SIZE = 20;

/** The current half-year and the ones before it, newest first: 2026-H2, 2026-H1, 2025-H2… */
export function periods(current, n = 6) {
  const out = [];
  let [y, h] = current.split('-H').map(Number);
  for (let i = 0; i < n; i++) {
    out.push(`${y}-H${h}`);
    if (h === 2) h = 1; else { h = 2; y -= 1; }
  }
  return out;
}

/** The half-year the server counts as current (China time), or the browser's idea of it. */
async function currentPeriod() {
  try {
    const r = await api.get('/evaluations/periods/current');
    return (r && (r.period || r.current)) || (typeof r === 'string' ? r : periodOf());
  } catch (e) {
    return periodOf(today());
  }
}

/** All evaluations of the scope for one period (every page). */
async function allOf(p, place) {
  const items = [];
  for (let page = 1; page < 50; page++) {
    const r = await api.get('/evaluations', { street: place.street, community: place.community, period: p, page, size: 200 });
    items.push(...r.items);
    if (items.length >= r.total || !r.items.length) break;
  }
  return items;
}

/** Opening an evaluation: community and period. */
const OpenForm = defineComponent({
  props: { current: String, community: String, onCancel: Function },
  setup(props) {
    const v = reactive({ street: props.community ? props.community.slice(0, 9) : '', community: props.community || '', period: props.current });
    const form = useForm();
    const existing = ref(null);
    const submit = async (e) => {
      e.preventDefault();
      existing.value = null;
      const community = scopeCommunity.value || v.community;
      if (!community) { form.fields = { community: tr('请选择社区', 'Choose a community') }; return; }
      const r = await form.run(() => api.post('/evaluations', { community, period: v.period }));
      if (r) {
        toast(tr(`评议已开启，已为 ${fmtNumber(r.codes)} 户生成选票码`, `Evaluation opened: ${fmtNumber(r.codes)} ballot codes issued`));
        navigate('/evaluations/' + r.id);
        return;
      }
      if (form.error instanceof ApiError && form.error.code === 'evaluation-exists') {
        try {
          const found = await api.get('/evaluations', { community, period: v.period, size: 1 });
          existing.value = found.items && found.items[0] ? found.items[0] : null;
        } catch (x) { existing.value = null; }
      }
    };
    const exists = () => form.error instanceof ApiError && form.error.code === 'evaluation-exists';
    return () => html`
      <form class="card card-body mb-3" novalidate onSubmit=${submit} data-testid="evaluation-form">
        <h2 class="card-title">${tr('开启评议', 'Open an evaluation')}</h2>
        <p class="form-text mt-0">${tr('开启后系统为社区每户生成一个选票码，居民凭码对为本楼门、本楼栋服务的楼门栋长评价。每个社区每半年只开展一次。',
          'Opening issues one ballot code per household; residents use it to rate the leaders serving their unit and building. One evaluation per community and half-year.')}</p>
        ${exists() ? html`<div class="alert alert-warning" role="alert" data-testid="evaluation-exists">
            ${tr(`该社区 ${v.period} 的评议已经开启过，不能重复开启：每个社区每半年只评议一次。`, `This community already has an evaluation for ${v.period}; each community is evaluated once per half-year.`)}
            ${existing.value ? html` <a href=${'#/evaluations/' + existing.value.id}>${tr('查看该评议', 'Open it')}</a>` : null}</div>`
          : form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
        <div class="row g-2 mb-2">
          <${PlacePicker} street=${v.street} community=${v.community} needCommunity testid="evaluation" errCommunity=${form.err('community')}
            onChange=${(x) => { v.street = x.street; v.community = x.community; }} />
          <${Field} col="col-12 col-md-3" label=${tr('评议期', 'Period')} required error=${form.err('period')}>${({ id }) => html`
            <select id=${id} class="form-select" data-testid="evaluation-period" onChange=${(e) => { v.period = e.target.value; }}>
              ${options(periods(props.current, 4).map((p) => ({ value: p, label: p.replace('-H1', tr(' 上半年', ' first half')).replace('-H2', tr(' 下半年', ' second half')) })), v.period)}</select>`}<//>
        </div>
        <div class="d-flex gap-2">
          <${BusyButton} type="submit" busy=${form.busy} testid="evaluation-submit">${tr('开启评议', 'Open')}<//>
          <button type="button" class="btn btn-outline-secondary" onClick=${() => props.onCancel()}>${tr('取消', 'Cancel')}</button>
        </div>
      </form>`;
  },
});

export default defineComponent({
  setup() {
    const q = route.query;
    const f = reactive({ street: q.street || '', community: q.community || '', period: q.period || '' });
    const applied = reactive({ ...f });
    const page = ref(1);
    const opening = ref(false);
    const preset = ref('');
    const current = useLoad(currentPeriod);
    const listMissing = ref(false);
    const list = useLoad(async () => {
      const p = effectivePlace(applied);
      try {
        return await api.get('/evaluations', { street: p.street, community: p.community, period: applied.period, page: page.value, size: SIZE });
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) { listMissing.value = true; return { items: [], total: 0 }; }
        throw e;
      }
    });
    // the scope's communities without an evaluation for the current half-year
    const missing = useLoad(async () => {
      const cur = await currentPeriod();
      const place = effectivePlace(applied);
      const [communities, done] = await Promise.all([scopeCommunities(), allOf(cur, place).catch(() => null)]);
      if (!done) return null;
      const have = new Set(done.map((e) => e.community));
      return communities.filter((c) => !have.has(c.code) && (!place.community || c.code === place.community)
        && (!place.street || c.code.startsWith(place.street)));
    });
    const search = () => {
      Object.assign(applied, f); page.value = 1;
      setQuery({ street: applied.street, community: applied.community, period: applied.period });
      list.reload(); missing.reload();
    };
    const reset = () => { Object.assign(f, { street: '', community: '', period: '' }); search(); };
    const openFor = (code) => { preset.value = code; opening.value = false; setTimeout(() => { opening.value = true; }, 0); window.scrollTo(0, 0); };
    const columns = [
      { key: 'communityName', label: () => tr('社区', 'Community'), sortable: true, cell: (e) => e.communityName || placeName(e.community) },
      { key: 'period', label: () => tr('评议期', 'Period'), sortable: true },
      { key: 'status', label: () => tr('状态', 'Status'), sortable: true, cell: (e) => html`<span data-testid="evaluation-status">${EVALUATION_STATUS.badge(e.status)}</span>` },
      { key: 'codesIssued', label: () => tr('发放选票码', 'Codes issued'), sortable: true, class: 'text-end figures', cell: (e) => fmtNumber(e.codesIssued ?? e.codes) },
      { key: 'ballotsCast', label: () => tr('已投票', 'Ballots cast'), sortable: true, class: 'text-end figures', cell: (e) => fmtNumber(e.ballotsCast ?? e.ballots) },
      { key: 'turnout', label: () => tr('参与率', 'Turnout'), class: 'text-end figures', cell: (e) => {
        const c = e.codesIssued ?? e.codes; const b = e.ballotsCast ?? e.ballots;
        return c ? fmtPercent(Math.round((b / c) * 10000) / 100) : '—';
      } },
      { key: 'openedAt', label: () => tr('开启日期', 'Opened'), sortable: true, cell: (e) => fmtDate(e.openedAt) || '—' },
      { key: 'closedAt', label: () => tr('结束日期', 'Closed'), sortable: true, cell: (e) => fmtDate(e.closedAt) || '—' },
      { key: 'actions', label: () => tr('操作', 'Actions'), cell: (e) => html`<a class="btn btn-sm btn-link px-1" href=${'#/evaluations/' + e.id} data-testid="evaluation-link">${tr('查看', 'View')}</a>` },
    ];
    return () => {
      const data = list.data;
      const cur = current.data || periodOf();
      return html`
        <div>
          <${PageHeader} title=${tr('群众评议', 'Resident evaluations')}>
            ${!opening.value ? html`<button type="button" class="btn btn-primary" data-testid="evaluation-new" onClick=${() => { preset.value = ''; opening.value = true; }}>＋ ${tr('开启评议', 'Open an evaluation')}</button>` : null}
          <//>
          ${opening.value ? html`<${OpenForm} current=${cur} community=${preset.value} onCancel=${() => { opening.value = false; }} />` : null}
          ${missing.data && missing.data.length ? html`
            <div class="alert alert-warning" data-testid="evaluation-missing">
              <strong>${tr(`本期（${cur}）尚未开展评议的社区：${missing.data.length} 个`, `No evaluation yet for ${cur}: ${missing.data.length} communities`)}</strong>
              <ul class="list-inline mb-0 mt-1">${missing.data.slice(0, 30).map((c) => html`<li class="list-inline-item" key=${c.code}>
                <button type="button" class="btn btn-link p-0 align-baseline" onClick=${() => openFor(c.code)}
                  aria-label=${tr(`为${c.name}开启评议`, `Open an evaluation for ${c.name}`)}>${c.name}</button></li>`)}
                ${missing.data.length > 30 ? html`<li class="list-inline-item">${tr(`等 ${missing.data.length} 个`, `and ${missing.data.length - 30} more`)}</li>` : null}</ul>
            </div>` : missing.data ? html`<div class="alert alert-success" data-testid="evaluation-missing">${tr(`范围内各社区本期（${cur}）评议均已开启。`, `Every community in scope has its ${cur} evaluation.`)}</div>` : null}
          <${FilterBar} onSearch=${search} onReset=${reset}>
            <${PlacePicker} street=${f.street} community=${f.community} onChange=${(x) => { f.street = x.street; f.community = x.community; }} />
            <div class="col-12 col-md-2">
              <label class="form-label" for="ef-period">${tr('评议期', 'Period')}</label>
              <select id="ef-period" class="form-select" onChange=${(e) => { f.period = e.target.value; }}>
                ${options(periods(cur).map((p) => ({ value: p, label: p })), f.period, tr('全部', 'All'))}</select>
            </div>
          <//>
          ${list.error ? html`<${ErrorAlert} error=${list.error} />` : null}
          ${listMissing.value ? html`<div class="alert alert-info">${tr('服务器尚未提供评议列表；开启评议后会直接进入该评议页面。', 'The server does not list evaluations yet; opening one takes you to its page.')}</div>` : null}
          <${TableCard} busy=${list.loading} label=${tr('评议列表', 'Evaluations')} testid="evaluation-list">
            <${DataTable} columns=${columns} rows=${data ? data.items : []} caption=${tr('评议列表', 'Evaluations')}
              empty=${tr('还没有评议。点“开启评议”为社区开启本期群众评议。', 'No evaluations yet. Press “Open an evaluation”.')} />
          <//>
          ${data ? html`<${Pager} page=${page.value} size=${SIZE} total=${data.total} onPage=${(n) => { page.value = n; list.reload(); }} />` : null}
        </div>`;
    };
  },
});
