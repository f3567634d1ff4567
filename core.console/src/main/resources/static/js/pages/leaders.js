// 楼门栋长 / Leaders: the information database. Filters are codes and states in the address (#/leaders?status=...),
// so the dashboard's numbers link here; the search text (a name or a phone number) is personal data and stays in
// memory only, never in the address.
import { html, defineComponent, reactive, computed, watch } from '../lib.js';
import { tr, fmtDate, today } from '../i18n.js';
import { api } from '../api.js';
import { route, setQuery, href } from '../router.js';
import { scopeStreet, scopeCommunity } from '../auth.js';
import { placeName, learn } from '../places.js';
import { PageHeader, FilterBar, DataTable, Pager, ErrorAlert, useLoad, options } from '../ui.js';
import {
  STATUS, ROLE, EDUCATION, AGE_BAND, GENDER, label, choices, statusBadge, age, placeOf, placeCode, PlaceSelects,
} from '../people.js';

export const PAGE_SIZE = 20;
/** The filters the address may carry (the dashboard links with these). */
const FILTERS = ['street', 'community', 'status', 'role', 'age', 'education'];
const SORTS = ['name', '-name', 'birthDate', '-birthDate', 'id', '-id'];

/** The search text survives a visit to a leader's page and back, but not a reload, and never reaches the address. */
const memory = { q: '' };

export default defineComponent({
  setup() {
    const typed = reactive({ q: memory.q });
    const applied = reactive({ q: memory.q });
    const filters = computed(() => {
      const f = {};
      for (const k of FILTERS) f[k] = route.query[k] || '';
      if (scopeStreet.value) f.street = scopeStreet.value;
      if (scopeCommunity.value) f.community = scopeCommunity.value;
      return f;
    });
    /** What the API is asked: a community implies its street (and a secretary's scope holds no whole street). */
    const query = () => {
      const f = { ...filters.value };
      if (f.community) delete f.street;
      return f;
    };
    const sort = computed(() => (SORTS.includes(route.query.sort) ? route.query.sort : 'name'));
    const page = computed(() => Math.max(1, Number(route.query.page) || 1));
    const list = useLoad(() => api.get('/leaders', { ...query(), q: applied.q, sort: sort.value, page: page.value, size: PAGE_SIZE }));
    // only while this page is shown: leaving it changes the address too, and must not ask again
    watch(() => [filters.value, sort.value, page.value, applied.q], () => { if (route.path === '/leaders') list.reload(); }, { deep: true });
    watch(() => list.data, (d) => { if (d) d.items.forEach((l) => l.communityName && learn(l.community, l.communityName)); });

    /** Changes filters in the address (a new filter goes back to page 1). */
    const set = (changes) => {
      const q = { ...route.query, ...changes };
      if (!('page' in changes)) delete q.page;
      setQuery(q);
    };
    const search = () => {
      const q = typed.q.trim();
      if (q === applied.q && !route.query.page) { list.reload(); return; }
      memory.q = q; applied.q = q; set({});
    };
    const reset = () => { typed.q = ''; memory.q = ''; applied.q = ''; setQuery({}); };

    const columns = [
      { key: 'name', label: () => tr('姓名', 'Name'), sortable: true,
        cell: (l) => html`<a href=${'#/leaders/' + l.id} data-testid="leader-link">${l.name}</a>` },
      { key: 'gender', label: () => tr('性别', 'Gender'), cell: (l) => label(GENDER, l.gender), class: 'd-none d-md-table-cell' },
      { key: 'birthDate', label: () => tr('年龄', 'Age'), sortable: true,
        cell: (l) => html`<span title=${fmtDate(l.birthDate)}>${l.age ?? age(l.birthDate)}</span>` },
      { key: 'education', label: () => tr('文化程度', 'Education'), cell: (l) => label(EDUCATION, l.education), class: 'd-none d-lg-table-cell' },
      { key: 'community', label: () => tr('社区', 'Community'), cell: (l) => l.communityName || placeName(l.community), class: 'd-none d-md-table-cell' },
      { key: 'place', label: () => tr('楼门 / 职务', 'Place / role'), cell: (l) => (current(l).length ? current(l).map((a) => html`<div>
          ${placeOf(a)} <span class="text-body-secondary small">${label(ROLE, a.role)}</span>
          <span class="visually-hidden"> ${placeCode(a)}</span></div>`) : html`<span class="text-body-secondary" title=${tr('未在任', 'Not serving')}>—</span>`) },
      { key: 'status', label: () => tr('状态', 'Status'), cell: (l) => statusBadge(l.status) },
      { key: 'id', label: () => tr('编号', 'No.'), sortable: true, class: 'd-none d-lg-table-cell', cell: (l) => html`<span class="mono">${l.id}</span>` },
      { key: 'actions', label: () => tr('操作', 'Actions'), cell: (l) => html`<a href=${'#/leaders/' + l.id} class="btn btn-sm btn-outline-dark text-nowrap">${tr('查看', 'View')}</a>` },
    ];

    const selects = (key, table, blank, id) => html`
      <div class="col-6 col-sm-4 col-lg-2">
        <label class="form-label" for=${id}>${blank[0]}</label>
        <select id=${id} class="form-select" data-testid=${'filter-' + key} onChange=${(e) => set({ [key]: e.target.value })}>
          ${options(table, filters.value[key], blank[1])}
        </select>
      </div>`;

    return () => {
      const d = list.data;
      const f = filters.value;
      const newHref = href('/leaders/new', f.community ? { community: f.community } : {});
      return html`<div>
        <${PageHeader} title=${tr('楼门栋长', 'Leaders')}>
          <a class="btn btn-primary" href=${newHref} data-testid="nominate">＋ ${tr('提名', 'Nominate')}</a>
        <//>
        <${FilterBar} onSearch=${search} onReset=${reset}>
          <div class="col-12 col-sm-6 col-lg-3">
            <label class="form-label" for="leaders-q">${tr('姓名或手机号', 'Name or phone')}</label>
            <input id="leaders-q" type="search" class="form-control" autocomplete="off" data-testid="filter-q"
                   placeholder=${tr('输入后按回车或点查询', 'Type, then Enter or Search')}
                   value=${typed.q} onInput=${(e) => { typed.q = e.target.value; }} />
          </div>
          <${PlaceSelects} street=${f.street} community=${f.community} idPrefix="leaders"
                           onChange=${(p) => set({ street: p.street, community: p.community })} />
          ${selects('status', choices(STATUS), [tr('状态', 'Status'), tr('全部状态', 'Any status')], 'leaders-status')}
          ${selects('role', choices(ROLE), [tr('职务', 'Role'), tr('全部职务', 'Any role')], 'leaders-role')}
          ${selects('age', choices(AGE_BAND), [tr('年龄', 'Age'), tr('全部年龄', 'Any age')], 'leaders-age')}
          ${selects('education', [{ value: 'collegeOrAbove', label: tr('大专及以上', 'Junior college or above') }, ...choices(EDUCATION)],
            [tr('文化程度', 'Education'), tr('全部', 'Any')], 'leaders-education')}
        <//>
        <${ErrorAlert} error=${list.error} />
        <div class="card"><div class="card-body p-0 p-sm-2" aria-busy=${list.loading ? 'true' : 'false'} data-testid="leaders-table"
             data-loaded=${!list.loading && d ? 'true' : 'false'}>
          <${DataTable} columns=${columns} rows=${d ? d.items : []} sort=${sort.value}
                        onSort=${(s) => set({ sort: s })} caption=${tr('楼门栋长列表', 'Leaders')}
                        empty=${list.loading ? tr('加载中…', 'Loading…') : applied.q || FILTERS.some((k) => route.query[k])
                          ? tr('没有符合条件的楼门栋长，请放宽筛选条件或点“重置”', 'No leader matches; widen the filters or press Reset')
                          : tr('还没有楼门栋长：点“提名”登记一位，或到“导入导出”导入名册', 'No leaders yet: nominate one, or import a list under Import / export')} />
          ${d ? html`<div class="px-2 pb-2"><${Pager} page=${page.value} size=${PAGE_SIZE} total=${d.total} capped=${!!d.totalCapped} count=${d.items.length} onPage=${(n) => set({ page: n })} /></div>` : null}
        </div></div>
      </div>`;
    };
  },
});

/** The assignments in force today, for the place column. */
function current(l) {
  const day = today();
  return (l.assignments || []).filter((a) => !a.end || a.end > day);
}
