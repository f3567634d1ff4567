// Shared by the work pages (reports, meetings, care, evaluations, awards, accounts, audit): the words for the
// API's codes (statuses, duties, urgencies, outcomes, groups) in both languages, and a street/community picker that
// follows the user's scope (district: any street; street admin: their street; secretary: their community).
import { html, defineComponent, ref, watch, onMounted, onUpdated } from '../lib.js';
import { tr } from '../i18n.js';
import { scope, scopeStreet, scopeCommunity } from '../auth.js';
import { loadStreets, loadCommunities, placeName } from '../places.js';
import { badge, options, uid } from '../ui.js';

/** A table of code → [中文, English, badge colour]. */
function words(table) {
  return {
    label: (code) => { const w = table[code]; return w ? tr(w[0], w[1]) : (code || ''); },
    badge: (code) => { const w = table[code]; return w ? badge(tr(w[0], w[1]), w[2] || 'secondary') : badge(code || '—'); },
    options: () => Object.keys(table).map((k) => ({ value: k, label: tr(table[k][0], table[k][1]) })),
  };
}

export const REPORT_STATUS = words({
  REPORTED: ['已上报', 'Reported', 'info'],
  ACCEPTED: ['已受理', 'Accepted', 'secondary'],
  ASSIGNED: ['已交办', 'Assigned', 'warning'],
  RESOLVED: ['已办结', 'Resolved', 'success'],
  CONFIRMED: ['已确认', 'Confirmed', 'dark'],
  REOPENED: ['已退回', 'Reopened', 'danger'],
  SPAM: ['无效信息', 'Spam', 'secondary'],
});

export const URGENCY = words({
  NORMAL: ['一般', 'Normal', 'secondary'],
  URGENT: ['紧急', 'Urgent', 'warning'],
  MAJOR: ['重大', 'Major', 'danger'],
});

export const DUTY = words({
  POLICY_PUBLICIST: ['政策法规宣传员', 'Policy publicist'],
  OPINION_INFORMANT: ['社情民意信息员', 'Public-opinion informant'],
  DISPUTE_MEDIATOR: ['矛盾化解调处员', 'Dispute mediator'],
  SAFETY_PATROLLER: ['平安稳定巡查员', 'Safety patroller'],
  SANITATION_SUPERVISOR: ['环境卫生监督员', 'Sanitation supervisor'],
});

export const MEETING_KIND = words({
  WEEKLY: ['每周沟通', 'Weekly liaison', 'info'],
  MONTHLY: ['按月例会', 'Monthly meeting', 'dark'],
});

export const MEETING_STATUS = words({
  SCHEDULED: ['待召开', 'Scheduled', 'warning'],
  HELD: ['已召开', 'Held', 'success'],
});

export const EVALUATION_STATUS = words({
  OPEN: ['进行中', 'Open', 'info'],
  CLOSED: ['已结束', 'Closed', 'secondary'],
});

export const OUTCOME = words({
  RETAINED: ['继续留任', 'Retained', 'success'],
  NOT_REAPPOINTED: ['不再选任', 'Not reappointed', 'danger'],
  INSUFFICIENT_BALLOTS: ['票数不足，不作结论', 'Too few ballots: no verdict', 'warning'],
});

export const ROUND_STATUS = words({
  OPEN: ['评选中', 'Selecting', 'info'],
  DECIDED: ['已决定', 'Decided', 'success'],
});

export const GROUP = words({
  ELDERLY_LIVING_ALONE: ['独居老人', 'Elderly living alone', 'danger'],
  EMPTY_NEST_ELDERLY: ['空巢老人', 'Empty-nest elderly', 'warning'],
  DISABLED: ['残疾人', 'Disabled', 'info'],
  LOW_INCOME: ['低保', 'Low income', 'secondary'],
  ENTITLED_GROUP: ['优抚对象', 'Entitled group', 'secondary'],
  CHILD_IN_DIFFICULTY: ['困境儿童', 'Child in difficulty', 'danger'],
  SERIOUS_ILLNESS: ['大病患者', 'Serious illness', 'warning'],
  EXTREME_POVERTY: ['特困人员', 'Extreme poverty', 'danger'],
});

export const ROLE = words({
  DISTRICT_ADMIN: ['区管理员', 'District admin', 'danger'],
  AUDITOR: ['审计员', 'Auditor', 'dark'],
  STREET_ADMIN: ['街镇管理员', 'Street admin', 'warning'],
  COMMUNITY_SECRETARY: ['社区书记', 'Community secretary', 'info'],
  LEADER: ['楼门栋长', 'Leader', 'secondary'],
});

export const LEADER_STATUS = words({
  NOMINATED: ['已提名', 'Nominated', 'info'], APPROVED: ['已通过', 'Approved', 'info'],
  REJECTED: ['未通过', 'Rejected', 'secondary'], IN_TRAINING: ['培训中', 'In training', 'info'],
  CERTIFIED: ['已持证', 'Certified', 'info'], IN_SERVICE: ['在任', 'In service', 'success'],
  SUSPENDED: ['暂停', 'Suspended', 'warning'], RESIGNED: ['辞任', 'Resigned', 'secondary'],
  NOT_REAPPOINTED: ['不再选任', 'Not reappointed', 'danger'], RETIRED: ['已离任', 'Retired', 'secondary'],
});

/** A yes/no in words with a colour. */
export function yesNo(v, yes, no) {
  return v ? badge(yes || tr('是', 'Yes'), 'success') : badge(no || tr('否', 'No'), 'secondary');
}

/** Where the user works now, as the widest code their scope allows (district, street or community). */
export function scopeLevel() {
  if (scopeCommunity.value) return 'community';
  if (scopeStreet.value) return 'street';
  return scope.node ? 'district' : null;
}

/** The communities within the current scope: [{code, name}] (all of the district's for the district admin). */
export async function scopeCommunities() {
  if (scopeCommunity.value) {
    const all = await loadCommunities(scopeStreet.value);
    return all.filter((c) => c.code === scopeCommunity.value);
  }
  if (scopeStreet.value) return loadCommunities(scopeStreet.value);
  const streets = await loadStreets();
  const lists = await Promise.all(streets.map((s) => loadCommunities(s.code).catch(() => [])));
  return lists.flat();
}

/**
 * Street and community selects within the user's scope. value: {street, community}; onChange(next) with both.
 * A level the scope fixes is shown as text. `needCommunity` marks the community as required.
 */
export const PlacePicker = defineComponent({
  props: {
    street: String, community: String, onChange: Function, needCommunity: Boolean,
    col: { type: String, default: 'col-12 col-md-3' }, errStreet: String, errCommunity: String, testid: String,
  },
  setup(props) {
    const streets = ref([]);
    const communities = ref([]);
    const ids = { s: uid('street'), c: uid('community') };
    const street = () => scopeStreet.value || props.street || '';
    const loadC = async () => {
      const s = street();
      communities.value = s ? await loadCommunities(s).catch(() => []) : [];
    };
    onMounted(async () => {
      if (!scopeStreet.value) streets.value = await loadStreets().catch(() => []);
      await loadC();
    });
    watch(() => [props.street, scopeStreet.value], loadC);
    const set = (s, c) => props.onChange && props.onChange({ street: s, community: c });
    return () => html`
      <div class=${props.col}>
        <label class="form-label" for=${ids.s}>${tr('街道/镇', 'Street / town')}</label>
        ${scopeStreet.value
          ? html`<input id=${ids.s} class="form-control" readonly value=${placeName(scopeStreet.value)} />`
          : html`<select id=${ids.s} class="form-select" data-testid=${props.testid ? props.testid + '-street' : null}
                   onChange=${(e) => set(e.target.value, '')}>
              ${options(streets.value.map((s) => ({ value: s.code, label: s.name })), props.street, tr('全部街道', 'All streets'))}
            </select>`}
        ${props.errStreet ? html`<div class="invalid-feedback d-block" role="alert">${props.errStreet}</div>` : null}
      </div>
      <div class=${props.col}>
        <label class="form-label" for=${ids.c}>${tr('社区/村', 'Community / village')}${props.needCommunity ? html`<span class="text-danger ms-1" aria-hidden="true">*</span>` : null}</label>
        ${scopeCommunity.value
          ? html`<input id=${ids.c} class="form-control" readonly value=${placeName(scopeCommunity.value)} />`
          : html`<select id=${ids.c} class="form-select" disabled=${!street()} data-testid=${props.testid ? props.testid + '-community' : null}
                   onChange=${(e) => set(street(), e.target.value)}>
              ${options(communities.value.map((c) => ({ value: c.code, label: c.name })), props.community,
                street() ? (props.needCommunity ? tr('请选择社区', 'Choose a community') : tr('全部社区', 'All communities')) : tr('请先选街道', 'Choose a street first'))}
            </select>`}
        ${props.errCommunity ? html`<div class="invalid-feedback d-block" role="alert">${props.errCommunity}</div>` : null}
      </div>`;
  },
});

/**
 * The street and community a page should query: the scope's fixed levels win over the picker's, and only the most
 * specific is sent (a secretary asking with their street's code would be outside their scope: 404).
 */
export function effectivePlace(f) {
  // a leader's listings are already limited to their own places
  if (scope.role === 'LEADER') return { street: '', community: '' };
  const community = scopeCommunity.value || f.community || '';
  return { street: community ? '' : (scopeStreet.value || f.street || ''), community };
}

/** A date N days before today (YYYY-MM-DD, China time is close enough for a default filter). */
export function daysFrom(base, n) {
  const d = new Date(base + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * A card around tables: busy while loading (tests wait on aria-busy), and every horizontally scrolling table inside
 * is a labelled, focusable region so keyboard users can scroll it (axe: scrollable-region-focusable).
 */
export const TableCard = defineComponent({
  props: { busy: Boolean, label: String, testid: String, cls: { type: String, default: 'card' } },
  setup(props, { slots }) {
    const el = ref(null);
    const fix = () => {
      if (!el.value) return;
      el.value.querySelectorAll('.table-responsive').forEach((d) => {
        d.tabIndex = 0;
        d.setAttribute('role', 'region');
        if (props.label) d.setAttribute('aria-label', props.label);
      });
    };
    onMounted(fix);
    onUpdated(fix);
    return () => html`<div ref=${el} class=${props.cls} aria-busy=${props.busy ? 'true' : 'false'} data-testid=${props.testid}>
      ${slots.default ? slots.default() : null}</div>`;
  },
});
