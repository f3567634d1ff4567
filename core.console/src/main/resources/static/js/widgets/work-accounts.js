// Accounts: which roles the user may grant (only roles below their own, within their scope), a role-and-place picker
// for a binding, and the one-time display of a temporary password.
import { html, defineComponent, reactive, ref, watch, onMounted } from '../lib.js';
import { tr } from '../i18n.js';
import { api } from '../api.js';
import { scope, scopeStreet, scopeCommunity } from '../auth.js';
import { loadStreets, loadCommunities, placeName, learn } from '../places.js';
import { options, uid } from '../ui.js';
import { ROLE } from './work-common.js';

/** The roles the current scope may grant, as the server's Role.mayGrant says. */
export function grantable() {
  switch (scope.role) {
    case 'DISTRICT_ADMIN': return ['STREET_ADMIN', 'COMMUNITY_SECRETARY', 'LEADER', 'DISTRICT_ADMIN', 'AUDITOR'];
    case 'STREET_ADMIN': return ['COMMUNITY_SECRETARY', 'LEADER'];
    case 'COMMUNITY_SECRETARY': return ['LEADER'];
    default: return [];
  }
}

/** The district's code (the district admin's node, or the first six digits of any node). */
export function districtCode() {
  return scope.node ? scope.node.slice(0, 6) : '';
}

/** A role at a place: onAdd({role, node}) once both are chosen. */
export const BindingPicker = defineComponent({
  props: { onAdd: Function, testid: { type: String, default: 'binding' }, addLabel: String },
  setup(props) {
    const roles = grantable();
    const v = reactive({ role: roles.includes('COMMUNITY_SECRETARY') ? 'COMMUNITY_SECRETARY' : roles[0] || '', street: scopeStreet.value, community: scopeCommunity.value, place: '' });
    const streets = ref([]);
    const communities = ref([]);
    const places = ref([]);
    const ids = { role: uid('role'), street: uid('street'), community: uid('comm'), place: uid('place') };
    onMounted(async () => { if (!scopeStreet.value) streets.value = await loadStreets().catch(() => []); });
    watch(() => v.street, async (s) => { communities.value = s ? await loadCommunities(s).catch(() => []) : []; }, { immediate: true });
    watch(() => [v.community, v.role], async ([c, role]) => {
      places.value = [];
      v.place = '';
      if (!c || role !== 'LEADER') return;
      try {
        const bs = await api.get(`/communities/${c}/buildings`);
        const out = [];
        for (const b of bs) {
          learn(b.code, b.label);
          out.push({ value: b.code, label: b.label + tr('（栋长）', ' (building)') });
          for (const u of b.units || []) { learn(u.code, b.label + u.label); out.push({ value: u.code, label: '　' + b.label + u.label }); }
        }
        places.value = out;
      } catch (e) { places.value = []; }
    }, { immediate: true });
    const node = () => {
      switch (v.role) {
        case 'DISTRICT_ADMIN': case 'AUDITOR': return districtCode();
        case 'STREET_ADMIN': return v.street;
        case 'COMMUNITY_SECRETARY': return v.community;
        case 'LEADER': return v.place || v.community;
        default: return '';
      }
    };
    const add = () => { const n = node(); if (v.role && n) props.onAdd({ role: v.role, node: n }); };
    const needStreet = () => ['STREET_ADMIN', 'COMMUNITY_SECRETARY', 'LEADER'].includes(v.role);
    const needCommunity = () => ['COMMUNITY_SECRETARY', 'LEADER'].includes(v.role);
    return () => html`
      <div class="row g-2 align-items-end" data-testid=${props.testid}>
        <div class="col-12 col-md-3">
          <label class="form-label" for=${ids.role}>${tr('角色', 'Role')}</label>
          <select id=${ids.role} class="form-select" data-testid=${props.testid + '-role'} onChange=${(e) => { v.role = e.target.value; }}>
            ${options(roles.map((r) => ({ value: r, label: ROLE.label(r) })), v.role)}</select>
        </div>
        ${needStreet() ? html`<div class="col-12 col-md-3">
          <label class="form-label" for=${ids.street}>${tr('街道/镇', 'Street / town')}</label>
          ${scopeStreet.value ? html`<input id=${ids.street} class="form-control" readonly value=${placeName(scopeStreet.value)} />`
            : html`<select id=${ids.street} class="form-select" data-testid=${props.testid + '-street'} onChange=${(e) => { v.street = e.target.value; v.community = ''; }}>
              ${options(streets.value.map((s) => ({ value: s.code, label: s.name })), v.street, tr('请选择', 'Choose'))}</select>`}
        </div>` : null}
        ${needCommunity() ? html`<div class="col-12 col-md-3">
          <label class="form-label" for=${ids.community}>${tr('社区/村', 'Community')}</label>
          ${scopeCommunity.value ? html`<input id=${ids.community} class="form-control" readonly value=${placeName(scopeCommunity.value)} />`
            : html`<select id=${ids.community} class="form-select" disabled=${!v.street} data-testid=${props.testid + '-community'} onChange=${(e) => { v.community = e.target.value; }}>
              ${options(communities.value.map((c) => ({ value: c.code, label: c.name })), v.community, tr('请选择', 'Choose'))}</select>`}
        </div>` : null}
        ${v.role === 'LEADER' ? html`<div class="col-12 col-md-3">
          <label class="form-label" for=${ids.place}>${tr('楼栋或单元', 'Building or unit')}</label>
          <select id=${ids.place} class="form-select" disabled=${!places.value.length} onChange=${(e) => { v.place = e.target.value; }}>
            ${options(places.value, v.place, tr('整个社区', 'The whole community'))}</select>
        </div>` : null}
        <div class="col-12 col-md-auto">
          <button type="button" class="btn btn-outline-dark" data-testid=${props.testid + '-add'} disabled=${!node()} onClick=${add}>${props.addLabel || tr('添加角色', 'Add role')}</button>
        </div>
      </div>`;
  },
});

/** A binding as words: 社区书记 · 港湾家园社区（演示）. */
export function bindingText(b) {
  return `${ROLE.label(b.role)} · ${placeName(b.node)}`;
}

/** The temporary password, shown once, with how to hand it over. */
export const TemporaryPassword = defineComponent({
  props: { username: String, password: String, onDone: Function },
  setup(props) {
    return () => html`
      <div class="alert alert-warning" role="alert" data-testid="temporary-password">
        <h2 class="h6">${tr(`账号 ${props.username} 的临时密码（只显示这一次）`, `Temporary password of ${props.username} (shown this once)`)}</h2>
        <p class="fs-5 mono mb-2 user-select-all" data-testid="temporary-password-value">${props.password}</p>
        <p class="mb-2">${tr('请当面或通过单位内部安全渠道交给本人，不要通过微信群、短信或邮件发送。本人首次登录时必须改为自己的密码。',
          'Hand it to the person face to face or through a secure internal channel, never by chat groups, text or e-mail. They must set their own password at the first sign-in.')}</p>
        <button type="button" class="btn btn-sm btn-dark" data-testid="temporary-password-done" onClick=${() => props.onDone()}>${tr('我已记下，关闭', 'Noted; close')}</button>
      </div>`;
  },
});
