// 住户 / Households: by community and unit. Special-group tags (独居老人, 低保 …) are shown only where the server gives
// them — to the community's secretary and the leaders of the building — and only they may filter by them; for
// everyone else the API answers specialGroups: null and no tag column appears. Staff edit (with the version read)
// and add households to a unit.
import { html, defineComponent, reactive, ref, computed, watch } from '../lib.js';
import { tr } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { route, setQuery } from '../router.js';
import { has, scopeCommunity } from '../auth.js';
import { PageHeader, FilterBar, DataTable, Pager, ErrorAlert, Field, BusyButton, useLoad, useForm, toast, options } from '../ui.js';
import { SPECIAL_GROUP, label, choices, mayAt, PlaceSelects } from '../people.js';

const PAGE_SIZE = 20;
// The cursor each page was reached by (the API's next of the page before), by filters and page number: next goes by
// the cursor the API gave, previous back to the cursor that page was read by. A page a million rows deep then costs
// what the first one does; only a page number typed into the address without its cursor is read by OFFSET.
const cursors = new Map();
const cursorKey = (f, n) => `${f.community}|${f.unit}|${f.group}|${n}`;
const STAFF = ['DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY'];
const FIELDS = ['room', 'headName', 'members', 'phone'];
const NAMES = { room: ['房号', 'Room'], headName: ['户主', 'Head of household'], members: ['人数', 'Members'], phone: ['电话', 'Phone'], specialGroups: ['特殊群体', 'Special groups'] };

const tags = (groups) => html`${(groups || []).map((g) => html`<span class="badge text-bg-warning me-1" data-testid="tag">${label(SPECIAL_GROUP, g)}</span>`)}`;

export default defineComponent({
  setup() {
    const filters = computed(() => ({
      street: route.query.street || '', community: scopeCommunity.value || route.query.community || '',
      unit: route.query.unit || '', group: route.query.group || '',
    }));
    const page = computed(() => Math.max(1, Number(route.query.page) || 1));
    // only a secretary or a leader may filter by special group (the server refuses others)
    const groupFilter = has('COMMUNITY_SECRETARY', 'LEADER');
    const after = computed(() => (page.value > 1 && route.query.after) || '');
    const list = useLoad(async () => {
      const f = filters.value;
      const n = page.value;
      const at = after.value;
      const group = groupFilter ? f.group : '';
      // by the page's cursor when it has one (the server reads from the key), else by number
      const d = await api.get('/households', at ? { community: f.community, unit: f.unit, group, after: at, size: PAGE_SIZE }
        : { community: f.community, unit: f.unit, group, page: n, size: PAGE_SIZE });
      if (at) cursors.set(cursorKey(f, n), at);
      if (d && d.next) cursors.set(cursorKey(f, n + 1), d.next);
      return d;
    });
    // only while this page is shown: leaving it changes the address too, and must not ask again
    watch(() => [filters.value, page.value, after.value], () => { if (route.path === '/households') list.reload(); }, { deep: true });
    /** Page n: by its cursor when known (next, or back to where we came from), page 1 without one. */
    const turn = (n) => {
      const at = n > 1 ? cursors.get(cursorKey(filters.value, n)) : '';
      set({ page: n > 1 ? n : '', after: at || '' });
    };
    const buildings = ref([]);
    watch(() => filters.value.community, async (c) => {
      if (route.path !== '/households') return;
      buildings.value = [];
      if (!c) return;
      try { buildings.value = await api.get(`/communities/${c}/buildings`); } catch (e) { /* the list says what is wrong */ }
    }, { immediate: true });
    const building = ref(filters.value.unit ? filters.value.unit.replace(/U\d+$/, '') : '');
    const units = computed(() => (buildings.value.find((b) => b.code === building.value) || { units: [] }).units);

    const set = (changes) => {
      const q = { ...route.query, ...changes };
      if (!('page' in changes)) { delete q.page; delete q.after; }
      setQuery(q);
    };
    const reset = () => { building.value = ''; setQuery({}); };

    // ---- view / edit / add ----
    const sel = reactive({ mode: null, h: null, v: {}, stale: null, missing: {} });
    const form = useForm();
    const mayEdit = (h) => mayAt(h.unit, ...STAFF);
    /** Tags are edited by those who see them (the server keeps them as they are when none are sent). */
    const seesTags = (h) => h && h.specialGroups != null;
    const show = (h, mode) => {
      Object.assign(sel, { mode, h, stale: null, missing: {} });
      sel.v = { room: h.room, headName: h.headName, members: String(h.members), phone: h.phone || '', specialGroups: [...(h.specialGroups || [])] };
      form.error = null; form.fields = {};
      setTimeout(() => { const el = document.getElementById('household-panel'); if (el) el.focus(); });
    };
    const add = () => {
      Object.assign(sel, { mode: 'add', h: { unit: filters.value.unit, specialGroups: mayAt(filters.value.unit, 'COMMUNITY_SECRETARY') ? [] : null }, stale: null, missing: {} });
      sel.v = { room: '', headName: '', members: '', phone: '', specialGroups: [] };
      form.error = null; form.fields = {};
    };
    const body = () => {
      const b = { room: sel.v.room.trim(), headName: sel.v.headName.trim(), members: sel.v.members === '' ? null : Number(sel.v.members), phone: sel.v.phone.trim() };
      if (seesTags(sel.h)) b.specialGroups = sel.v.specialGroups;
      return b;
    };
    const save = async (e) => {
      e.preventDefault();
      sel.missing = {};
      for (const k of ['room', 'headName', 'members']) if (!String(sel.v[k]).trim()) sel.missing[k] = tr('请填写此项', 'Please fill this in');
      if (Object.keys(sel.missing).length) return;
      if (sel.mode === 'add') {
        const h = await form.run(() => api.post(`/units/${sel.h.unit}/households`, body()));
        if (h) { toast(tr(`已新增住户 ${h.room}`, `Household ${h.room} added`)); sel.mode = null; list.reload(); }
        return;
      }
      const version = sel.stale ? sel.stale.version : sel.h.version;
      const h = await form.run(() => api.put(`/households/${sel.h.id}`, { ...body(), version }));
      if (h) {
        toast(tr('已保存', 'Saved')); show(h, 'view'); list.reload();
      } else if (form.error instanceof ApiError && form.error.code === 'stale-version') {
        try { sel.stale = await api.get(`/households/${sel.h.id}`); } catch (err) { /* the error box says it */ }
      }
    };

    const columns = computed(() => {
      const rows = list.data ? list.data.items : [];
      const cols = [
        { key: 'place', label: () => tr('楼栋 / 单元 / 房号', 'Building / unit / room'), cell: (h) => `${h.buildingLabel} ${h.unitLabel} ${h.room}` },
        { key: 'headName', label: () => tr('户主', 'Head of household'), cell: (h) => h.headName },
        { key: 'members', label: () => tr('人数', 'Members'), class: 'text-end' },
        { key: 'phone', label: () => tr('电话', 'Phone'), class: 'd-none d-md-table-cell' },
      ];
      // the tags column only where the server gave tags
      if (rows.some((h) => h.specialGroups != null)) cols.push({ key: 'specialGroups', label: () => tr('特殊群体', 'Special groups'), cell: (h) => tags(h.specialGroups) });
      cols.push({ key: 'actions', label: () => tr('操作', 'Actions'), cell: (h) => html`
        <button type="button" class="btn btn-sm btn-outline-dark me-1 text-nowrap" data-testid="view" onClick=${() => show(h, 'view')}>${tr('查看', 'View')}</button>
        ${mayEdit(h) ? html`<button type="button" class="btn btn-sm btn-outline-dark text-nowrap" data-testid="edit" onClick=${() => show(h, 'edit')}>${tr('编辑', 'Edit')}</button>` : null}` });
      return cols;
    });

    const panel = () => {
      const h = sel.h;
      if (sel.mode === 'view') {
        return html`<div class="card mb-3" id="household-panel" tabindex="-1" data-testid="household"><div class="card-body">
          <div class="d-flex align-items-center mb-2"><h2 class="card-title me-auto mb-0">${h.buildingLabel} ${h.unitLabel} ${h.room}</h2>
            ${mayEdit(h) ? html`<button type="button" class="btn btn-sm btn-outline-primary me-2" onClick=${() => show(h, 'edit')}>${tr('编辑', 'Edit')}</button>` : null}
            <button type="button" class="btn btn-sm btn-outline-secondary" onClick=${() => { sel.mode = null; }}>${tr('关闭', 'Close')}</button></div>
          <dl class="row mb-0 profile">
            <dt class="col-5 col-sm-3">${tr('户主', 'Head of household')}</dt><dd class="col-7 col-sm-9">${h.headName}</dd>
            <dt class="col-5 col-sm-3">${tr('人数', 'Members')}</dt><dd class="col-7 col-sm-9">${h.members}</dd>
            <dt class="col-5 col-sm-3">${tr('电话', 'Phone')}</dt><dd class="col-7 col-sm-9">${h.phone || '—'}</dd>
            <dt class="col-5 col-sm-3">${tr('单元代码', 'Unit code')}</dt><dd class="col-7 col-sm-9 mono">${h.unit}</dd>
            ${seesTags(h) ? html`<dt class="col-5 col-sm-3">${tr('特殊群体', 'Special groups')}</dt><dd class="col-7 col-sm-9">${h.specialGroups.length ? tags(h.specialGroups) : tr('无', 'None')}</dd>` : null}
          </dl>
        </div></div>`;
      }
      const title = sel.mode === 'add' ? tr(`新增住户（${h.unit}）`, `Add a household (${h.unit})`) : tr(`编辑住户 ${h.buildingLabel} ${h.unitLabel} ${h.room}`, `Edit household ${h.buildingLabel} ${h.unitLabel} ${h.room}`);
      const err = (k) => sel.missing[k] || form.err(k);
      return html`<form class="card mb-3" id="household-panel" tabindex="-1" onSubmit=${save} novalidate data-testid="household-form"><div class="card-body">
        <h2 class="card-title">${title}</h2>
        ${sel.stale ? html`<div class="alert alert-warning" role="alert" data-testid="stale">
          ${tr(`未保存：在您编辑期间，此住户已被他人修改（现为第 ${sel.stale.version} 版：户主 ${sel.stale.headName}，${sel.stale.members} 人，电话 ${sel.stale.phone || '无'}）。再点“保存”将以最新版本为准写入您的修改；点“取消”放弃。`,
            `Not saved: someone else changed this household meanwhile (now version ${sel.stale.version}: ${sel.stale.headName}, ${sel.stale.members} members, phone ${sel.stale.phone || 'none'}). Save again to write your changes on the latest version; Cancel to drop them.`)}</div>`
          : form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
        <div class="row g-3">
          ${FIELDS.map((k) => html`<${Field} key=${k} col="col-12 col-sm-6 col-lg-3" label=${tr(...NAMES[k])} required=${k !== 'phone'} error=${err(k)}>${({ id, describedBy }) => html`
            <input id=${id} name=${k} class=${'form-control' + (err(k) ? ' is-invalid' : '')} value=${sel.v[k]} aria-describedby=${describedBy}
                   type=${k === 'members' ? 'number' : k === 'phone' ? 'tel' : 'text'} min=${k === 'members' ? 1 : null} max=${k === 'members' ? 30 : null}
                   onInput=${(e) => { sel.v[k] = e.target.value; }} />`}<//>`)}
        </div>
        ${seesTags(h) ? html`<fieldset class="mt-3"><legend class="form-label fs-6 mb-1">${tr('特殊群体', 'Special groups')}</legend>
          ${choices(SPECIAL_GROUP).map((g) => html`<div class="form-check form-check-inline">
            <input class="form-check-input" type="checkbox" id=${'sg-' + g.value} checked=${sel.v.specialGroups.includes(g.value)}
                   onChange=${(e) => { sel.v.specialGroups = e.target.checked ? [...sel.v.specialGroups, g.value] : sel.v.specialGroups.filter((x) => x !== g.value); }} />
            <label class="form-check-label" for=${'sg-' + g.value}>${g.label}</label></div>`)}
        </fieldset>` : null}
        <div class="d-flex gap-2 mt-3">
          <${BusyButton} type="submit" busy=${form.busy} testid="household-save">${tr('保存', 'Save')}<//>
          <button type="button" class="btn btn-outline-secondary" onClick=${() => { sel.mode = null; }}>${tr('取消', 'Cancel')}</button>
        </div>
      </div></form>`;
    };

    return () => {
      const f = filters.value;
      const d = list.data;
      return html`<div>
        <${PageHeader} title=${tr('住户', 'Households')}>
          ${f.unit && mayAt(f.unit, ...STAFF) ? html`<button type="button" class="btn btn-primary" data-testid="add-household" onClick=${add}>＋ ${tr('新增住户', 'Add a household')}</button>` : null}
        <//>
        <${FilterBar} onSearch=${() => list.reload()} onReset=${reset}>
          <${PlaceSelects} street=${f.street} community=${f.community} idPrefix="households"
                           onChange=${(p) => { building.value = ''; set({ street: p.street, community: p.community, unit: '' }); }} />
          <div class="col-6 col-sm-4 col-lg-2">
            <label class="form-label" for="households-building">${tr('楼栋', 'Building')}</label>
            <select id="households-building" class="form-select" disabled=${!f.community} data-testid="filter-building"
                    onChange=${(e) => { building.value = e.target.value; set({ unit: '' }); }}>
              ${options(buildings.value.map((b) => ({ value: b.code, label: b.label })), building.value, tr('全部楼栋', 'All buildings'))}
            </select></div>
          <div class="col-6 col-sm-4 col-lg-2">
            <label class="form-label" for="households-unit">${tr('单元', 'Unit')}</label>
            <select id="households-unit" class="form-select" disabled=${!building.value} data-testid="filter-unit"
                    onChange=${(e) => set({ unit: e.target.value })}>
              ${options(units.value.map((u) => ({ value: u.code, label: u.label })), f.unit, tr('全部单元', 'All units'))}
            </select></div>
          ${groupFilter ? html`<div class="col-12 col-sm-4 col-lg-2">
            <label class="form-label" for="households-group">${tr('特殊群体', 'Special group')}</label>
            <select id="households-group" class="form-select" data-testid="filter-group" onChange=${(e) => set({ group: e.target.value })}>
              ${options(choices(SPECIAL_GROUP), f.group, tr('全部', 'Any'))}
            </select></div>` : null}
        <//>
        <${ErrorAlert} error=${list.error} />
        ${sel.mode ? panel() : null}
        <div class="card"><div class="card-body p-0 p-sm-2" data-testid="households-table" data-loaded=${!list.loading && d ? 'true' : 'false'}>
          <${DataTable} columns=${columns.value} rows=${d ? d.items : []} caption=${tr('住户列表', 'Households')}
                        empty=${list.loading ? tr('加载中…', 'Loading…') : tr('没有符合条件的住户；可到“导入导出”导入住户名册，或选择单元后新增', 'No households match; import a list under Import / export, or choose a unit and add one')} />
          ${d ? html`<div class="px-2 pb-2"><${Pager} page=${page.value} size=${PAGE_SIZE} total=${d.total} capped=${!!d.totalCapped} count=${d.items.length} hasNext=${!!d.next} onPage=${turn} /></div>` : null}
        </div></div>
      </div>`;
    };
  },
});
