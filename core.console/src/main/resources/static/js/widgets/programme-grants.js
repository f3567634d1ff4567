// 特色项目角色: the roles street programmes declare (楼门管家, 人民调解员, ...), granted to an account at a place like the
// core roles. Only roles the signed-in user may grant are offered; the server checks every grant and revoke again.
import { html, defineComponent, reactive, ref, watch } from '../lib.js';
import { tr, lang, fmtDateTime } from '../i18n.js';
import { api } from '../api.js';
import { scope, scopeStreet, scopeCommunity } from '../auth.js';
import { loadStreets, loadCommunities, placeName, learn } from '../places.js';
import { options, uid, useLoad, useForm, ErrorAlert, BusyButton, Empty, confirmAction, toast, badge } from '../ui.js';

const LEVEL = {
  STREET: () => tr('街道', 'street'), COMMUNITY: () => tr('社区', 'community'),
  BUILDING: () => tr('楼栋', 'building'), UNIT: () => tr('楼门', 'unit'),
};
/** Core roles that may grant a programme role declared as granted by `by` (Role.mayGrant on the server). */
const GRANTS = {
  DISTRICT_ADMIN: ['DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY', 'LEADER', 'AUDITOR'],
  STREET_ADMIN: ['STREET_ADMIN', 'COMMUNITY_SECRETARY', 'LEADER'],
  COMMUNITY_SECRETARY: ['COMMUNITY_SECRETARY', 'LEADER'],
};
const mayGrant = (by) => (GRANTS[scope.role] || []).includes(by);
const name = (n) => (n ? (lang.value === 'en' ? n.en : n.zh) : '');

export const ProgrammeGrants = defineComponent({
  props: { username: String },
  setup(props) {
    const declared = useLoad(() => api.get('/programme-roles'));
    const grants = useLoad(() => api.get(`/programme-roles/grants?username=${encodeURIComponent(props.username)}`));
    const form = useForm();
    const act = useForm();
    const v = reactive({ qualified: '', street: scopeStreet.value, community: scopeCommunity.value, place: '' });
    const streets = ref([]);
    const communities = ref([]);
    const places = ref([]);
    const ids = { role: uid('prole'), street: uid('pstreet'), community: uid('pcomm'), place: uid('pplace') };
    const offered = () => (declared.data || []).filter((d) => mayGrant(d.grantedBy));
    const chosen = () => offered().find((d) => d.qualified === v.qualified);
    const level = () => (chosen() ? chosen().level : '');
    if (!scopeStreet.value) loadStreets().then((s) => { streets.value = s; }).catch(() => {});
    watch(() => v.street, async (s) => { communities.value = s ? await loadCommunities(s).catch(() => []) : []; }, { immediate: true });
    watch(() => [v.community, level()], async ([c, l]) => {
      places.value = [];
      v.place = '';
      if (!c || (l !== 'BUILDING' && l !== 'UNIT')) return;
      try {
        const out = [];
        for (const b of await api.get(`/communities/${c}/buildings`)) {
          learn(b.code, b.label);
          if (l === 'BUILDING') out.push({ value: b.code, label: b.label });
          else for (const u of b.units || []) { learn(u.code, b.label + u.label); out.push({ value: u.code, label: b.label + u.label }); }
        }
        places.value = out;
      } catch (e) { places.value = []; }
    });
    const node = () => ({ STREET: v.street, COMMUNITY: v.community, BUILDING: v.place, UNIT: v.place }[level()] || '');
    const grant = async () => {
      const d = chosen();
      const g = await form.run(() => api.post('/programme-roles/grants',
        { username: props.username, programme: d.programme, role: d.role, node: node() }));
      if (g) { toast(tr('已授予项目角色', 'Programme role granted')); grants.reload(); }
    };
    const revoke = async (g) => {
      const ok = await confirmAction({
        title: tr('收回此项目角色？', 'Revoke this programme role?'),
        body: tr('收回后该账号立即不能再以此角色使用该项目；已有记录保留。', 'The account can no longer use the programme in this role, at once; records are kept.'),
        ok: tr('收回', 'Revoke'), danger: true,
      });
      if (!ok) return;
      const r = await act.run(() => api.del(`/programme-roles/grants/${g.id}`));
      if (r !== undefined) { toast(tr('已收回', 'Revoked')); grants.reload(); }
    };
    const revocable = (g) => {
      const d = (declared.data || []).find((x) => x.qualified === g.qualified);
      return d ? mayGrant(d.grantedBy) : scope.role === 'DISTRICT_ADMIN';
    };
    const roleName = (g) => {
      const d = (declared.data || []).find((x) => x.qualified === g.qualified);
      return d ? `${name(d.name)}（${name(d.programmeName)}）` : g.qualified;
    };
    return () => {
      const list = grants.data || [];
      return html`
        <section class="card card-body mt-3" data-testid="programme-grants">
          <h2 class="card-title">${tr('特色项目角色', 'Programme roles')}</h2>
          <p class="text-body-secondary small">${tr('街道特色项目自带的角色，如楼门管家、人民调解员；与系统角色一样按地点授予，项目卸载后授权保留但不再生效。',
            'Roles that street programmes bring, such as unit steward or mediator; granted at a place like core roles. If the programme is removed the grant is kept but admits nobody.')}</p>
          ${grants.error ? html`<${ErrorAlert} error=${grants.error} />` : null}
          ${act.error ? html`<${ErrorAlert} error=${act.error} />` : null}
          ${grants.data && !list.length ? html`<${Empty}>${tr('尚未授予项目角色。', 'No programme role granted.')}<//>` : null}
          <ul class="list-unstyled mb-3" data-testid="programme-grant-list">${list.map((g) => html`<li class="mb-1" key=${g.id}>
            ${roleName(g)} · ${placeName(g.node)} ${g.active ? null : badge(tr('项目未部署，暂不生效', 'programme not deployed: inert'), 'warning')}
            <span class="text-body-secondary small">${tr(`${fmtDateTime(g.grantedAt)} 由 ${g.grantedBy} 授予`, `granted ${fmtDateTime(g.grantedAt)} by ${g.grantedBy}`)}</span>
            ${revocable(g) ? html`<button type="button" class="btn btn-sm btn-link text-danger-emphasis" onClick=${() => revoke(g)}>${tr('收回', 'Revoke')}</button>` : null}
          </li>`)}</ul>
          ${offered().length ? html`
            ${form.error ? html`<${ErrorAlert} error=${form.error} />` : null}
            <div class="row g-2 align-items-end">
              <div class="col-12 col-md-3">
                <label class="form-label" for=${ids.role}>${tr('项目角色', 'Programme role')}</label>
                <select id=${ids.role} class="form-select" data-testid="programme-grant-role" onChange=${(e) => { v.qualified = e.target.value; }}>
                  ${options(offered().map((d) => ({ value: d.qualified, label: `${name(d.name)}（${name(d.programmeName)}，${LEVEL[d.level]()}）` })), v.qualified, tr('请选择', 'Choose'))}</select>
              </div>
              ${level() ? html`<div class="col-12 col-md-3">
                <label class="form-label" for=${ids.street}>${tr('街道/镇', 'Street / town')}</label>
                ${scopeStreet.value ? html`<input id=${ids.street} class="form-control" readonly value=${placeName(scopeStreet.value)} />`
                  : html`<select id=${ids.street} class="form-select" data-testid="programme-grant-street" onChange=${(e) => { v.street = e.target.value; v.community = ''; }}>
                    ${options(streets.value.map((s) => ({ value: s.code, label: s.name })), v.street, tr('请选择', 'Choose'))}</select>`}
              </div>` : null}
              ${level() && level() !== 'STREET' ? html`<div class="col-12 col-md-3">
                <label class="form-label" for=${ids.community}>${tr('社区/村', 'Community')}</label>
                ${scopeCommunity.value ? html`<input id=${ids.community} class="form-control" readonly value=${placeName(scopeCommunity.value)} />`
                  : html`<select id=${ids.community} class="form-select" disabled=${!v.street} data-testid="programme-grant-community" onChange=${(e) => { v.community = e.target.value; }}>
                    ${options(communities.value.map((c) => ({ value: c.code, label: c.name })), v.community, tr('请选择', 'Choose'))}</select>`}
              </div>` : null}
              ${level() === 'BUILDING' || level() === 'UNIT' ? html`<div class="col-12 col-md-3">
                <label class="form-label" for=${ids.place}>${level() === 'UNIT' ? tr('楼门', 'Unit') : tr('楼栋', 'Building')}</label>
                <select id=${ids.place} class="form-select" disabled=${!places.value.length} data-testid="programme-grant-place" onChange=${(e) => { v.place = e.target.value; }}>
                  ${options(places.value, v.place, tr('请选择', 'Choose'))}</select>
              </div>` : null}
              <div class="col-12 col-md-auto">
                <${BusyButton} kind="outline-dark" busy=${form.busy} disabled=${!chosen() || !node()} testid="programme-grant-add" onClick=${grant}>${tr('授予', 'Grant')}<//>
              </div>
            </div>` : null}
        </section>`;
    };
  },
});
