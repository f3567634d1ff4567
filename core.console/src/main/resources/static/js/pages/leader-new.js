// 提名 / Nominate a leader: the first step of the lifecycle (自荐 or 推荐) for a unit (楼门长) or a building (栋长) of a
// community. What is missing is said under each field at once; the server's refusal is said under the field it names.
import { html, defineComponent, reactive, ref, watch, computed } from '../lib.js';
import { tr, today } from '../i18n.js';
import { api } from '../api.js';
import { route, navigate } from '../router.js';
import { scopeCommunity } from '../auth.js';
import { Field, BusyButton, PageHeader, ErrorAlert, useForm, toast, options } from '../ui.js';
import { EDUCATION, GENDER, ROLE, NOMINATION, choices, PlaceSelects } from '../people.js';

export default defineComponent({
  setup() {
    const v = reactive({
      street: '', community: scopeCommunity.value || route.query.community || '',
      name: '', gender: '', birthDate: '', education: '', partyMember: '', phone: '', liaison: false,
      method: '', nominatedBy: '', role: '', building: '', unit: '',
    });
    if (v.community) v.street = v.community.slice(0, 9);
    const missing = reactive({});
    const form = useForm();
    const buildings = ref([]);
    const buildingsError = ref(null);
    const community = computed(() => scopeCommunity.value || v.community);

    watch(community, async (c) => {
      buildings.value = []; buildingsError.value = null; v.building = ''; v.unit = '';
      if (!c) return;
      try { buildings.value = await api.get(`/communities/${c}/buildings`); } catch (e) { buildingsError.value = e; }
    }, { immediate: true });
    const units = computed(() => (buildings.value.find((b) => b.code === v.building) || { units: [] }).units);
    const place = () => (v.role === 'UNIT_LEADER' ? v.unit : v.building);

    const required = {
      community: () => community.value, name: () => v.name.trim(), gender: () => v.gender, birthDate: () => v.birthDate,
      education: () => v.education, partyMember: () => v.partyMember, phone: () => v.phone.trim(), method: () => v.method,
      nominatedBy: () => v.method === 'SELF' || v.nominatedBy.trim(), role: () => v.role, building: () => v.building,
      unit: () => v.role !== 'UNIT_LEADER' || v.unit,
    };
    const err = (k) => missing[k] || form.err(k) || (k === 'method' ? form.err('nomination') : null)
      || (k === (v.role === 'UNIT_LEADER' ? 'unit' : 'building') ? form.err('place') : null);

    const submit = async (e) => {
      e.preventDefault();
      for (const k of Object.keys(missing)) delete missing[k];
      for (const [k, ok] of Object.entries(required)) if (!ok()) missing[k] = k === 'community' ? tr('请选择社区', 'Choose a community') : tr('请填写此项', 'Please fill this in');
      if (Object.keys(missing).length) {
        const first = document.querySelector('.nomination-form [aria-invalid="true"]');
        if (first) first.focus();
        return;
      }
      const created = await form.run(() => api.post(`/communities/${community.value}/nominations`, {
        name: v.name.trim(), gender: v.gender, birthDate: v.birthDate, education: v.education,
        partyMember: v.partyMember === 'true', phone: v.phone.trim(), liaison: v.liaison, method: v.method,
        nominatedBy: v.method === 'SELF' && !v.nominatedBy.trim() ? v.name.trim() : v.nominatedBy.trim(),
        role: v.role, place: place(),
      }));
      if (created) {
        toast(tr(`已提名 ${created.name}，下一步：居（村）民代表会议表决`, `${created.name} nominated; next: the representatives' meeting`));
        navigate('/leaders/' + created.id);
      } else if (form.error && form.error.field) {
        setTimeout(() => { const el = document.querySelector('.nomination-form [aria-invalid="true"]'); if (el) el.focus(); });
      }
    };

    const input = (k, attrs = {}) => ({ id, describedBy }) => html`
      <input id=${id} class=${'form-control' + (err(k) ? ' is-invalid' : '')} name=${k} value=${v[k]}
             aria-invalid=${err(k) ? 'true' : 'false'} aria-describedby=${describedBy}
             onInput=${(e) => { v[k] = e.target.value; delete missing[k]; }} ...${attrs} />`;
    const radios = (k, list) => ({ id, describedBy }) => html`
      <div id=${id} role="radiogroup" aria-invalid=${err(k) ? 'true' : 'false'} aria-describedby=${describedBy} tabindex="-1">
        ${list.map((o) => html`<div class="form-check form-check-inline">
          <input class="form-check-input" type="radio" name=${k} id=${id + '-' + o.value} value=${o.value} checked=${v[k] === o.value}
                 onChange=${() => { v[k] = o.value; delete missing[k]; }} />
          <label class="form-check-label" for=${id + '-' + o.value}>${o.label}</label></div>`)}
      </div>`;
    const select = (k, list, blank, onChange) => ({ id, describedBy }) => html`
      <select id=${id} name=${k} class=${'form-select' + (err(k) ? ' is-invalid' : '')} aria-invalid=${err(k) ? 'true' : 'false'}
              aria-describedby=${describedBy} onChange=${(e) => { v[k] = e.target.value; delete missing[k]; if (onChange) onChange(); }}>
        ${options(list, v[k], blank)}
      </select>`;

    return () => html`<div>
      <${PageHeader} title=${tr('提名楼门栋长', 'Nominate a leader')} crumbs=${[{ label: tr('楼门栋长', 'Leaders'), href: '#/leaders' }]} />
      <form class="card nomination-form" onSubmit=${submit} novalidate>
        <div class="card-body">
          <p class="text-body-secondary">${tr('提名后，须经居（村）民代表会议表决通过，再参加入职培训、领取工作证和袖标，方可上岗。带 * 的为必填项。',
            'After nomination the representatives\u2019 meeting decides; then onboarding training, a work ID and an armband, and only then service. Fields marked * are required.')}</p>
          ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
          ${form.error && form.error.field ? html`<div class="alert alert-danger" role="alert">${tr('请按红色提示修改后再提交。', 'Please correct the fields marked in red and submit again.')}</div>` : null}
          <fieldset class="mb-2"><legend class="h6">${tr('提名到哪里', 'Where')}</legend>
            <div class="row g-3">
              ${scopeCommunity.value ? null : html`
                <${PlaceSelects} street=${v.street} community=${v.community} idPrefix="nominate" col="col-12 col-md-4" pick
                                 error=${err('community')} onChange=${(p) => { v.street = p.street; v.community = p.community; delete missing.community; }} />`}
              <${Field} col="col-12 col-md-4" label=${tr('职务', 'Role')} required error=${err('role')}>${radios('role', choices(ROLE))}<//>
              <${Field} col="col-12 col-md-4" label=${tr('楼栋', 'Building')} required error=${err('building')}
                        help=${buildingsError.value ? buildingsError.value.text : community.value && !buildings.value.length ? tr('本社区还没有楼栋，请先在“组织架构”中添加', 'No buildings yet: add one under Organisation') : ''}>
                ${select('building', buildings.value.map((b) => ({ value: b.code, label: `${b.label}（${b.code}）` })), tr('请选择', 'Choose'), () => { v.unit = ''; })}<//>
              ${v.role === 'UNIT_LEADER' ? html`
                <${Field} col="col-12 col-md-4" label=${tr('单元（楼门）', 'Unit')} required error=${err('unit')}>
                  ${select('unit', units.value.map((u) => ({ value: u.code, label: `${u.label}（${u.code}）` })), v.building ? tr('请选择', 'Choose') : tr('请先选楼栋', 'Choose a building first'))}<//>` : null}
            </div>
          </fieldset>
          <fieldset class="mb-2"><legend class="h6">${tr('被提名人', 'Nominee')}</legend>
            <div class="row g-3">
              <${Field} col="col-12 col-md-4" label=${tr('姓名', 'Name')} required error=${err('name')}>${input('name', { autocomplete: 'off', maxlength: 40 })}<//>
              <${Field} col="col-12 col-md-4" label=${tr('性别', 'Gender')} required error=${err('gender')}>${radios('gender', choices(GENDER))}<//>
              <${Field} col="col-12 col-md-4" label=${tr('出生日期', 'Date of birth')} required error=${err('birthDate')}>${input('birthDate', { type: 'date', max: today(), min: '1900-01-01' })}<//>
              <${Field} col="col-12 col-md-4" label=${tr('文化程度', 'Education')} required error=${err('education')}>${select('education', choices(EDUCATION), tr('请选择', 'Choose'))}<//>
              <${Field} col="col-12 col-md-4" label=${tr('政治面貌', 'Party member')} required error=${err('partyMember')}>
                ${radios('partyMember', [{ value: 'true', label: tr('中共党员', 'Party member') }, { value: 'false', label: tr('群众及其他', 'Not a member') }])}<//>
              <${Field} col="col-12 col-md-4" label=${tr('手机号', 'Mobile phone')} required error=${err('phone')} help=${tr('11 位手机号码', '11-digit mobile number')}>
                ${input('phone', { type: 'tel', inputmode: 'numeric', autocomplete: 'off', maxlength: 20 })}<//>
              <div class="col-12">
                <div class="form-check">
                  <input class="form-check-input" type="checkbox" id="nominate-liaison" checked=${v.liaison} onChange=${(e) => { v.liaison = e.target.checked; }} />
                  <label class="form-check-label" for="nominate-liaison">${tr('同时担任党建联络员（一肩挑）', 'Also the party-building liaison')}</label>
                </div>
              </div>
            </div>
          </fieldset>
          <fieldset class="mb-3"><legend class="h6">${tr('产生方式', 'How nominated')}</legend>
            <div class="row g-3">
              <${Field} col="col-12 col-md-4" label=${tr('提名方式', 'Method')} required error=${err('method')}>${radios('method', choices(NOMINATION))}<//>
              <${Field} col="col-12 col-md-8" label=${tr('推荐人', 'Nominated by')} required=${v.method !== 'SELF'} error=${err('nominatedBy')}
                        help=${v.method === 'SELF' ? tr('自荐可不填（记为本人）', 'Optional for self-nomination (recorded as the nominee)') : tr('推荐的个人或组织，如：3号楼居民、社区党组织', 'The person or body recommending, e.g. residents of building 3')}>
                ${input('nominatedBy', { maxlength: 60, autocomplete: 'off' })}<//>
            </div>
          </fieldset>
          <div class="d-flex gap-2">
            <${BusyButton} type="submit" busy=${form.busy} testid="nominate-submit">${tr('提交提名', 'Submit nomination')}<//>
            <a class="btn btn-outline-secondary" href="#/leaders">${tr('取消', 'Cancel')}</a>
          </div>
        </div>
      </form>
    </div>`;
  },
});
