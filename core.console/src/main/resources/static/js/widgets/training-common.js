// Shared by the training pages (入职培训, 赋能培训): the words of results and providers, and the street the page works on.
import { html, defineComponent, ref, onMounted } from '../lib.js';
import { tr } from '../i18n.js';
import { has, scope, scopeStreet } from '../auth.js';
import { loadStreets } from '../places.js';
import { Field, options, badge } from '../ui.js';

export const RESULT = {
  PASSED: ['合格', 'Passed', 'success'], FAILED: ['不合格', 'Failed', 'danger'], ABSENT: ['缺考', 'Absent', 'secondary'],
};
export function resultBadge(r) {
  if (!r) return badge(tr('待考核', 'To assess'), 'info');
  const w = RESULT[r];
  return w ? badge(tr(w[0], w[1]), w[2]) : r;
}
export const PROVIDER_KIND = { STATION: ['街镇社工站', 'Social-work station'], VENTURE: ['公益创投项目', 'Charity-venture project'] };

/**
 * The street filter of a listing: only for callers who work at a street or above (a secretary's listing is narrowed
 * to their communities by the server, and a street filter above their scope would be refused).
 */
export function streetFilter(street) {
  return street && !(scope.node && scope.node.length > 9) ? { street } : {};
}

/** Whether the user runs training (street and district admins). */
export function mayRun() { return has('STREET_ADMIN', 'DISTRICT_ADMIN'); }

/** The street the page works on: the scope's street, else the one chosen (district admins). */
export const StreetChooser = defineComponent({
  props: { value: String, onChange: Function },
  setup(props) {
    const streets = ref([]);
    onMounted(async () => { try { streets.value = await loadStreets(); } catch (e) { /* the page says it */ } });
    return () => (scopeStreet.value ? null : html`
      <div class="card card-body mb-3"><div class="row g-2 align-items-end">
        <${Field} col="col-12 col-md-4 mb-0" label=${tr('街镇', 'Street')} required>${({ id }) => html`
          <select id=${id} class="form-select" data-testid="street-choose" onChange=${(e) => props.onChange(e.target.value)}>
            ${options(streets.value.map((s) => ({ value: s.code, label: s.name })), props.value, tr('请选择街镇', 'Choose a street'))}</select>`}<//>
      </div></div>`);
  },
});

/** Figures as large numbers with their words; each {key, zh, en, value, href}. */
export function figureRow(items) {
  return html`<div class="row g-2 mb-3" data-testid="training-figures">
    ${items.map((f) => html`<div class="col-6 col-md" key=${f.key}>
      <div class="card card-body text-center py-2">
        <div class="fs-3 fw-semibold" data-testid=${'fig-' + f.key}>${f.value ?? '—'}</div>
        <div class="small">${tr(f.zh, f.en)}</div>
      </div></div>`)}
  </div>`;
}
