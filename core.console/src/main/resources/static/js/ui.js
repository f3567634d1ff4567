// The console's shared components, so every page looks and behaves the same: page header with breadcrumb, filter
// bar, sortable table, pager, form fields with the API's field errors, confirmations, toasts, charts.
import { html, ref, reactive, computed, onMounted, onBeforeUnmount, watch, nextTick, defineComponent } from './lib.js';
import { tr, fmtNumber, lang } from './i18n.js';
import { ApiError } from './api.js';

export const ASSETS = document.getElementById('app').dataset.assets;

let seq = 0;
/** A unique element id for label/field pairs. */
export function uid(prefix = 'f') { seq += 1; return `${prefix}-${seq}`; }

/** Title, breadcrumb (crumbs: [{label, href}]) and the page's actions (default slot). */
export const PageHeader = defineComponent({
  props: { title: String, crumbs: { type: Array, default: () => [] } },
  setup(props, { slots }) {
    return () => html`
      <div class="page-header">
        <nav aria-label=${tr('面包屑导航', 'Breadcrumb')}>
          <ol class="breadcrumb">
            <li class="breadcrumb-item"><a href="#/">${tr('首页', 'Home')}</a></li>
            ${props.crumbs.map((c) => html`<li class="breadcrumb-item">${c.href ? html`<a href=${c.href}>${c.label}</a>` : c.label}</li>`)}
            <li class="breadcrumb-item active" aria-current="page">${props.title}</li>
          </ol>
        </nav>
        <div class="d-flex flex-wrap align-items-center gap-2">
          <h1 class="h4 mb-0 me-auto">${props.title}</h1>
          ${slots.default ? slots.default() : null}
        </div>
      </div>`;
  },
});

/** A filter bar: the fields (default slot), then 查询 and 重置. */
export const FilterBar = defineComponent({
  props: { onSearch: Function, onReset: Function },
  setup(props, { slots }) {
    const submit = (e) => { e.preventDefault(); props.onSearch && props.onSearch(); };
    return () => html`
      <form class="filter-bar card card-body mb-3" role="search" onSubmit=${submit}>
        <div class="row g-2 align-items-end">
          ${slots.default ? slots.default() : null}
          <div class="col-auto d-flex gap-2">
            <button type="submit" class="btn btn-primary">${tr('查询', 'Search')}</button>
            ${props.onReset ? html`<button type="button" class="btn btn-outline-secondary" onClick=${() => props.onReset()}>${tr('重置', 'Reset')}</button>` : null}
          </div>
        </div>
      </form>`;
  },
});

/**
 * A labelled field: label above, '*' when required, the API's error for this field under it in words.
 * The default slot gets the id to put on the input: slots.default({id, invalid}).
 */
export const Field = defineComponent({
  props: { label: String, required: Boolean, error: String, help: String, col: { type: String, default: '' }, id: String },
  setup(props, { slots }) {
    const fallback = uid();
    return () => {
      const id = props.id || fallback;
      return html`
        <div class=${'field ' + (props.col || 'mb-3')}>
          <label class="form-label" for=${id}>${props.label}${props.required ? html`<span class="text-danger ms-1" aria-hidden="true">*</span>` : null}${props.required ? html`<span class="visually-hidden">${tr('（必填）', ' (required)')}</span>` : null}</label>
          ${slots.default ? slots.default({ id, invalid: !!props.error, describedBy: props.error ? id + '-err' : null }) : null}
          ${props.help && !props.error ? html`<div class="form-text">${props.help}</div>` : null}
          ${props.error ? html`<div class="invalid-feedback d-block" id=${id + '-err'} role="alert">${props.error}</div>` : null}
        </div>`;
    };
  },
});

/** A select of {value, label} options; empty option first when `blank` is given. */
export function options(list, selected, blank) {
  return [
    blank != null ? html`<option value="">${blank}</option>` : null,
    ...list.map((o) => html`<option value=${o.value} selected=${String(o.value) === String(selected ?? '')}>${o.label}</option>`),
  ];
}

/** An error box for an ApiError (or any error), in words. */
export const ErrorAlert = defineComponent({
  props: { error: null },
  setup(props) {
    return () => {
      const e = props.error;
      if (!e) return null;
      const text = e instanceof ApiError ? e.text : (e.message || String(e));
      return html`<div class="alert alert-danger" role="alert"><strong>${tr('出错了：', 'Error: ')}</strong>${text}</div>`;
    };
  },
});

/** A button that shows it is busy while its action runs (and cannot be pressed twice). */
export const BusyButton = defineComponent({
  props: { busy: Boolean, kind: { type: String, default: 'primary' }, type: { type: String, default: 'button' }, onClick: Function, disabled: Boolean, size: String, testid: String },
  setup(props, { slots }) {
    return () => html`
      <button type=${props.type} class=${`btn btn-${props.kind}` + (props.size ? ` btn-${props.size}` : '')} disabled=${props.busy || props.disabled}
              aria-busy=${props.busy ? 'true' : 'false'} data-testid=${props.testid} onClick=${(e) => props.onClick && props.onClick(e)}>
        ${props.busy ? html`<span class="spinner-border spinner-border-sm me-1" aria-hidden="true"></span>` : null}
        ${slots.default ? slots.default() : null}
      </button>`;
  },
});

/** Nothing to show: says what to do next. */
export const Empty = defineComponent({
  props: { text: String },
  setup(props, { slots }) {
    return () => html`<div class="empty-state text-center text-body-secondary py-4"><p class="mb-2">${props.text}</p>${slots.default ? slots.default() : null}</div>`;
  },
});

export const Loading = defineComponent({
  setup() {
    return () => html`<div class="py-4 text-center text-body-secondary" role="status"><span class="spinner-border spinner-border-sm me-2" aria-hidden="true"></span>${tr('加载中…', 'Loading…')}</div>`;
  },
});

/**
 * A table. columns: [{key, label, sortable, cell(row) → text or vnode, class}]. Sorting is done by the server when
 * onSort is given (sort: 'key' or '-key'), else in the browser. Rows are text unless a cell returns our own markup.
 * The scrolling box takes the keyboard focus, so a table wider than a phone scrolls without a mouse.
 */
export const DataTable = defineComponent({
  props: {
    columns: Array, rows: Array, sort: String, onSort: Function,
    empty: String, rowKey: { type: String, default: 'id' }, caption: String, rowClass: Function,
  },
  setup(props, { slots }) {
    const local = ref(props.sort || '');
    const current = computed(() => (props.onSort ? props.sort || '' : local.value));
    const sorted = computed(() => {
      const rows = props.rows || [];
      if (props.onSort || !local.value) return rows;
      const desc = local.value.startsWith('-');
      const key = desc ? local.value.slice(1) : local.value;
      const col = props.columns.find((c) => c.key === key);
      const val = (r) => (col && col.sortValue ? col.sortValue(r) : r[key]);
      return [...rows].sort((a, b) => {
        const x = val(a); const y = val(b);
        const c = x == null ? -1 : y == null ? 1 : typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
        return desc ? -c : c;
      });
    });
    const toggle = (key) => {
      const next = current.value === key ? '-' + key : key;
      if (props.onSort) props.onSort(next); else local.value = next;
    };
    const ariaSort = (key) => (current.value === key ? 'ascending' : current.value === '-' + key ? 'descending' : 'none');
    const arrow = (key) => (current.value === key ? '▲' : current.value === '-' + key ? '▼' : '↕');
    return () => html`
      <div class="table-responsive" tabindex="0" role=${props.caption ? 'region' : null} aria-label=${props.caption || null}>
        <table class="table table-hover align-middle mb-0" aria-label=${props.caption || null}>
          <thead><tr>
            ${props.columns.map((c) => html`<th scope="col" class=${c.class || ''} aria-sort=${c.sortable ? ariaSort(c.key) : null}>
              ${c.sortable ? html`<button type="button" class="btn btn-link p-0 sort-button" onClick=${() => toggle(c.key)}>${typeof c.label === 'function' ? c.label() : c.label} <span aria-hidden="true">${arrow(c.key)}</span></button>` : (typeof c.label === 'function' ? c.label() : c.label)}
            </th>`)}
          </tr></thead>
          <tbody>
            ${sorted.value.length === 0
              ? html`<tr><td colspan=${props.columns.length} class="p-0">${slots.empty ? slots.empty() : html`<${Empty} text=${props.empty || tr('暂无数据', 'Nothing here yet')} />`}</td></tr>`
              : sorted.value.map((r, i) => html`<tr key=${r[props.rowKey] ?? i} class=${props.rowClass ? props.rowClass(r) : ''}>
                  ${props.columns.map((c) => html`<td class=${c.class || ''}>${c.cell ? c.cell(r) : r[c.key]}</td>`)}
                </tr>`)}
          </tbody>
        </table>
      </div>`;
  },
});

/**
 * 每页 20 条，共 N 条 — and page buttons (pages are numbered from 1, as the API does). A listing whose total was counted
 * only up to a cap (the API's totalCapped) says "超过 1 万 / 10,000+" and pages on while the page is full; one paged by
 * key passes hasNext (whether the API gave a next cursor).
 */
export const Pager = defineComponent({
  props: { page: Number, size: Number, total: Number, capped: Boolean, count: Number, hasNext: null, onPage: Function },
  setup(props) {
    return () => {
      const size = props.size || 20;
      const pages = Math.max(1, Math.ceil((props.total || 0) / size));
      const p = props.page || 1;
      // a listing paged by key says whether there is a next page (its next cursor); otherwise past the counted total
      // only a full page promises another
      const more = props.hasNext !== undefined && props.hasNext !== null ? !!props.hasNext
        : props.capped ? p < pages || (props.count ?? size) >= size : p < pages;
      const go = (n) => { if (n >= 1 && (n < p || more) && n !== p) props.onPage(n); };
      const all = props.capped ? cappedTotal(props.total) : null;
      return html`
        <div class="pager d-flex flex-wrap align-items-center gap-2 mt-2">
          <span class="text-body-secondary" data-testid="pager-total">${props.capped
            ? tr(`每页 ${size} 条，${all.zh}条`, `${size} per page, ${all.en} in all`)
            : tr(`每页 ${size} 条，共 ${fmtNumber(props.total || 0)} 条`, `${size} per page, ${fmtNumber(props.total || 0)} in all`)}</span>
          <nav class="ms-auto" aria-label=${tr('分页', 'Pages')}>
            <ul class="pagination mb-0">
              <li class=${'page-item' + (p <= 1 ? ' disabled' : '')}><button type="button" class="page-link" onClick=${() => go(p - 1)}>${tr('上一页', 'Previous')}</button></li>
              <li class="page-item active" aria-current="page"><span class="page-link" data-testid="pager-page">${props.capped ? tr(`第 ${fmtNumber(p)} 页`, `Page ${fmtNumber(p)}`) : `${p} / ${pages}`}</span></li>
              <li class=${'page-item' + (more ? '' : ' disabled')}><button type="button" class="page-link" onClick=${() => go(p + 1)}>${tr('下一页', 'Next')}</button></li>
            </ul>
          </nav>
        </div>`;
    };
  },
});

/** A capped total in words: 10,000 → 超过 1 万 / 10,000+. */
export function cappedTotal(n) {
  const zh = n % 10000 === 0 ? `超过 ${n / 10000} 万` : `超过 ${fmtNumber(n)}`;
  return { zh, en: `${Number(n).toLocaleString('en-US')}+` };
}

/** A coloured badge that also says its meaning in words (colour is never the only signal). */
export function badge(text, kind = 'secondary') {
  return html`<span class=${`badge text-bg-${kind}`}>${text}</span>`;
}

// ---- confirmations and toasts: one host each, rendered by the shell ----
const dialog = reactive({ open: false, title: '', body: '', ok: '', danger: false, resolve: null });

/** Asks before an irreversible action; says its consequence. Resolves true when confirmed. */
export function confirmAction({ title, body, ok, danger = true }) {
  return new Promise((resolve) => {
    Object.assign(dialog, { open: true, title, body, ok: ok || tr('确定', 'Confirm'), danger, resolve });
  });
}

export const ConfirmHost = defineComponent({
  setup() {
    const okBtn = ref(null);
    const close = (v) => { const r = dialog.resolve; dialog.open = false; dialog.resolve = null; r && r(v); };
    const onKey = (e) => { if (e.key === 'Escape' && dialog.open) close(false); };
    onMounted(() => document.addEventListener('keydown', onKey));
    onBeforeUnmount(() => document.removeEventListener('keydown', onKey));
    watch(() => dialog.open, (o) => { if (o) nextTick(() => okBtn.value && okBtn.value.focus()); });
    return () => (dialog.open ? html`
      <div class="modal-backdrop fade show"></div>
      <div class="modal fade show d-block" role="dialog" aria-modal="true" aria-labelledby="confirm-title" data-testid="confirm">
        <div class="modal-dialog modal-dialog-centered"><div class="modal-content">
          <div class="modal-header"><h2 class="modal-title h5" id="confirm-title">${dialog.title}</h2></div>
          <div class="modal-body"><p class="mb-0">${dialog.body}</p></div>
          <div class="modal-footer">
            <button type="button" class="btn btn-outline-secondary" onClick=${() => close(false)}>${tr('取消', 'Cancel')}</button>
            <button type="button" ref=${okBtn} class=${'btn ' + (dialog.danger ? 'btn-danger' : 'btn-primary')} data-testid="confirm-ok" onClick=${() => close(true)}>${dialog.ok}</button>
          </div>
        </div></div>
      </div>` : null);
  },
});

const toasts = reactive([]);
/** A short message at the corner: kind success | danger | info. */
export function toast(text, kind = 'success') {
  const t = { id: uid('t'), text, kind };
  toasts.push(t);
  setTimeout(() => { const i = toasts.indexOf(t); if (i >= 0) toasts.splice(i, 1); }, kind === 'danger' ? 8000 : 4000);
}

export const ToastHost = defineComponent({
  setup() {
    return () => html`<div class="toast-host" aria-live="polite">
      ${toasts.map((t) => html`<div key=${t.id} class=${`alert alert-${t.kind} shadow-sm mb-2`} role="status">${t.text}</div>`)}
    </div>`;
  },
});

/**
 * Loads data for a page: {data, error, loading, reload()}. The loader gets nothing and returns a promise;
 * reload() runs it again (after a filter change or a write).
 */
export function useLoad(loader, { immediate = true } = {}) {
  const state = reactive({ data: null, error: null, loading: false });
  let ticket = 0;
  state.reload = async () => {
    const mine = ++ticket;
    state.loading = true;
    state.error = null;
    try {
      const d = await loader();
      if (mine === ticket) state.data = d;
    } catch (e) {
      if (mine === ticket) state.error = e;
    } finally {
      if (mine === ticket) state.loading = false;
    }
  };
  if (immediate) state.reload();
  return state;
}

/**
 * A form's state: busy while submitting, the error, and the API's field error mapped to the field it names.
 * run(fn) resolves with fn's answer, or undefined after showing the error.
 */
export function useForm() {
  const f = reactive({ busy: false, error: null, fields: {} });
  f.run = async (fn) => {
    if (f.busy) return undefined;
    f.busy = true; f.error = null; f.fields = {};
    try {
      return await fn();
    } catch (e) {
      f.error = e;
      if (e instanceof ApiError && e.field) f.fields = { [e.field]: e.text };
      return undefined;
    } finally {
      f.busy = false;
    }
  };
  /** The error under one field, in words. */
  f.err = (name) => f.fields[name] || null;
  return f;
}

// ---- charts: ECharts, loaded only when a page shows a chart (it is the largest library) ----
let echartsLoading = null;
export function loadECharts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  if (!echartsLoading) {
    echartsLoading = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = ASSETS + '/vendor/echarts.min.js';
      s.onload = () => resolve(window.echarts);
      s.onerror = () => { echartsLoading = null; reject(new Error('echarts')); };
      document.head.appendChild(s);
    });
  }
  return echartsLoading;
}

/** The restrained palette of every chart. */
export const PALETTE = ['#2f5d8a', '#c0504d', '#6a9a4f', '#d39b2f', '#7a6aa8', '#3f9fa3', '#8c8c8c'];

/**
 * A chart: option is an ECharts option (or a function of the language). Every chart on a page has its numbers in a
 * table beside it as well (the page's job), so the canvas is labelled and hidden from screen readers' text flow.
 */
export const Chart = defineComponent({
  props: { option: [Object, Function], height: { type: Number, default: 260 }, label: String, testid: String },
  setup(props) {
    const el = ref(null);
    let chart = null;
    const draw = async () => {
      const ec = await loadECharts();
      if (!el.value) return;
      if (!chart) chart = ec.init(el.value, null, { renderer: 'canvas' });
      const o = typeof props.option === 'function' ? props.option() : props.option;
      chart.setOption({ color: PALETTE, textStyle: { fontFamily: 'inherit' }, animation: false, ...o }, true);
      el.value.dataset.rendered = 'true';
    };
    const resize = () => chart && chart.resize();
    onMounted(() => { draw(); window.addEventListener('resize', resize); });
    onBeforeUnmount(() => { window.removeEventListener('resize', resize); if (chart) chart.dispose(); chart = null; });
    watch(() => [props.option, lang.value], draw, { deep: true });
    return () => html`<div ref=${el} class="chart" role="img" aria-label=${props.label} data-testid=${props.testid}></div>`;
  },
});
