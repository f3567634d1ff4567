// Words of the leader and household pages: the API's enum values with their Chinese and English names, badges
// for a leader's status, ages, and who may do what where (the server decides; the pages only hide what it refuses).
import { html, defineComponent, ref, watch } from './lib.js';
import { tr, today } from './i18n.js';
import { bindings, scopeStreet, scopeCommunity } from './auth.js';
import { loadStreets, loadCommunities } from './places.js';
import { options } from './ui.js';

/** [zh, en] names of the API's values. */
export const STATUS = {
  NOMINATED: ['已提名', 'Nominated'], APPROVED: ['已通过', 'Approved'], REJECTED: ['未通过', 'Rejected'],
  IN_TRAINING: ['培训中', 'In training'], CERTIFIED: ['已持证', 'Certified'], IN_SERVICE: ['在任', 'In service'],
  SUSPENDED: ['暂停履职', 'Suspended'], RESIGNED: ['辞任', 'Resigned'], RETIRED: ['离任', 'Retired'],
  NOT_REAPPOINTED: ['不再选任', 'Not re-appointed'],
};
const STATUS_KIND = {
  NOMINATED: 'info', APPROVED: 'primary', REJECTED: 'secondary', IN_TRAINING: 'info', CERTIFIED: 'primary',
  IN_SERVICE: 'success', SUSPENDED: 'warning', RESIGNED: 'secondary', RETIRED: 'secondary', NOT_REAPPOINTED: 'danger',
};
export const EDUCATION = {
  PRIMARY: ['小学', 'Primary school'], JUNIOR_HIGH: ['初中', 'Junior high'], SENIOR_HIGH: ['高中', 'Senior high'],
  SECONDARY_VOCATIONAL: ['中专', 'Secondary vocational'], JUNIOR_COLLEGE: ['大专', 'Junior college'],
  BACHELOR: ['本科', "Bachelor's"], MASTER: ['硕士', "Master's"], DOCTORATE: ['博士', 'Doctorate'],
};
export const GENDER = { MALE: ['男', 'Male'], FEMALE: ['女', 'Female'] };
export const ROLE = { UNIT_LEADER: ['楼门长', 'Unit leader'], BUILDING_LEADER: ['栋长', 'Building leader'] };
export const NOMINATION = { SELF: ['自荐', 'Self-nominated'], RECOMMENDED: ['推荐', 'Recommended'] };
export const SPECIAL_GROUP = {
  ELDERLY_LIVING_ALONE: ['独居老人', 'Elderly living alone'], EMPTY_NEST_ELDERLY: ['空巢老人', 'Empty-nest elderly'],
  DISABLED: ['残疾人', 'Disabled'], LOW_INCOME: ['低保', 'Low income (dibao)'], ENTITLED_GROUP: ['优抚对象', 'Entitled group'],
  CHILD_IN_DIFFICULTY: ['困境儿童', 'Child in difficulty'], SERIOUS_ILLNESS: ['大病患者', 'Serious illness'],
  EXTREME_POVERTY: ['特困人员', 'Extreme poverty'],
};
export const AGE_BAND = { under60: ['60岁以下', 'Under 60'], '60plus': ['60岁及以上', '60 and over'] };

/** The name of a value in the current language (the value itself when unknown). */
export function label(table, value) {
  const n = table[value];
  return n ? tr(n[0], n[1]) : (value ?? '');
}

/** The values of a table as select options. */
export function choices(table) {
  return Object.keys(table).map((k) => ({ value: k, label: label(table, k) }));
}

/** A leader's status as a badge that says it in words. */
export function statusBadge(status) {
  return html`<span class=${`badge text-bg-${STATUS_KIND[status] || 'secondary'}`} data-status=${status}>${label(STATUS, status)}</span>`;
}

/** Completed years on a day (China time today by default), as the profile report counts them. */
export function age(birthDate, on = today()) {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split('-').map(Number);
  const [ty, tm, td] = on.split('-').map(Number);
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

/** '是' / '否'. */
export function yesNo(v) {
  return v == null ? '' : v ? tr('是', 'Yes') : tr('否', 'No');
}

/** Whether the user holds one of the roles at a node covering the code (codes are hierarchical by prefix). */
export function mayAt(code, ...roles) {
  return !!code && bindings(...roles).some((b) => code.startsWith(b.node));
}

/** Where an assignment is: 3号楼 2单元 (codes kept apart for the code column). */
export function placeOf(a) {
  return [a.buildingLabel, a.unitLabel].filter(Boolean).join(' ');
}

/** The code of an assignment's place: the unit for a unit leader, the building for a building leader. */
export function placeCode(a) {
  return a.unit || a.building || '';
}

/**
 * Street and community selects for a filter bar, within the current scope: a street admin's street and a
 * secretary's community are fixed (no select); a district admin picks both. Emits onChange({street, community}).
 * With `pick`, for a form: both are required and the empty choice says so.
 */
export const PlaceSelects = defineComponent({
  props: {
    street: String, community: String, onChange: Function, pick: Boolean, error: String,
    col: { type: String, default: 'col-12 col-sm-6 col-lg-3' }, idPrefix: { type: String, default: 'pl' },
  },
  setup(props) {
    const streets = ref([]);
    const communities = ref([]);
    const street = () => scopeStreet.value || props.street || '';
    loadStreets().then((l) => { streets.value = l; }).catch(() => {});
    watch(street, (s) => {
      communities.value = [];
      if (s) loadCommunities(s).then((l) => { if (street() === s) communities.value = l; }).catch(() => {});
    }, { immediate: true });
    const star = () => (props.pick ? html`<span class="text-danger ms-1" aria-hidden="true">*</span>` : null);
    return () => html`
      ${scopeStreet.value ? null : html`<div class=${props.col}>
        <label class="form-label" for=${props.idPrefix + '-street'}>${tr('街镇', 'Street / town')}${star()}</label>
        <select id=${props.idPrefix + '-street'} class="form-select" data-testid="filter-street" required=${props.pick}
                onChange=${(e) => props.onChange({ street: e.target.value, community: '' })}>
          ${options(streets.value.map((s) => ({ value: s.code, label: s.name })), props.street, props.pick ? tr('请选择', 'Choose') : tr('全部街镇', 'All streets'))}
        </select></div>`}
      ${scopeCommunity.value ? null : html`<div class=${props.col}>
        <label class="form-label" for=${props.idPrefix + '-community'}>${tr('社区/村', 'Community / village')}${star()}</label>
        <select id=${props.idPrefix + '-community'} data-testid="filter-community" disabled=${!street()} required=${props.pick}
                class=${'form-select' + (props.error ? ' is-invalid' : '')} aria-invalid=${props.error ? 'true' : 'false'}
                aria-describedby=${props.error ? props.idPrefix + '-community-err' : null}
                onChange=${(e) => props.onChange({ street: street(), community: e.target.value })}>
          ${options(communities.value.map((c) => ({ value: c.code, label: c.name })), props.community,
            !street() ? tr('请先选街镇', 'Choose a street first') : props.pick ? tr('请选择', 'Choose') : tr('全部社区', 'All communities'))}
        </select>
        ${props.error ? html`<div class="invalid-feedback d-block" id=${props.idPrefix + '-community-err'} role="alert">${props.error}</div>` : null}
        </div>`}`;
  },
});
