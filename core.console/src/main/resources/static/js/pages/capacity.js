// 赋能培训: ongoing training of serving leaders by the street's social-work station (社工站) or a community
// charity-venture project (公益创投): coverage this year, who has had none, hours per leader, the sessions, and for
// street admins new providers and sessions with attendance.
import { html, defineComponent, reactive, computed, watch } from '../lib.js';
import { tr, fmtDate, today, fmtPercent } from '../i18n.js';
import { api } from '../api.js';
import { scopeStreet } from '../auth.js';
import { route, setQuery } from '../router.js';
import { PageHeader, Field, options, ErrorAlert, BusyButton, DataTable, badge, toast, useLoad, useForm } from '../ui.js';
import { statusBadge } from '../people.js';
import { StreetChooser, mayRun, figureRow, PROVIDER_KIND, streetFilter } from '../widgets/training-common.js';

const NewProvider = defineComponent({
  props: { street: String, onDone: Function },
  setup(props) {
    const v = reactive({ kind: 'STATION', name: '', contact: '' });
    const form = useForm();
    const submit = async (e) => {
      e.preventDefault();
      const p = await form.run(() => api.post(`/streets/${props.street}/capacity-providers`, { kind: v.kind, name: v.name.trim(), contact: v.contact.trim() || null }));
      if (p) { toast(tr(`已添加：${p.name}`, `Added: ${p.name}`)); v.name = ''; v.contact = ''; props.onDone(p); }
    };
    return () => html`<form class="row g-2 align-items-end" novalidate onSubmit=${submit} data-testid="provider-form">
      ${form.error && !form.error.field ? html`<div class="col-12"><${ErrorAlert} error=${form.error} /></div>` : null}
      <${Field} col="col-12 col-md-3 mb-0" label=${tr('类型', 'Kind')} required error=${form.err('kind')}>${({ id }) => html`
        <select id=${id} class="form-select" data-testid="provider-kind" onChange=${(e) => { v.kind = e.target.value; }}>
          ${options(Object.entries(PROVIDER_KIND).map(([k, w]) => ({ value: k, label: tr(w[0], w[1]) })), v.kind)}</select>`}<//>
      <${Field} col="col-12 col-md-4 mb-0" label=${tr('名称', 'Name')} required error=${form.err('name')}>${({ id }) => html`
        <input id=${id} class=${'form-control' + (form.err('name') ? ' is-invalid' : '')} maxlength="100" data-testid="provider-name" value=${v.name} onInput=${(e) => { v.name = e.target.value; }} />`}<//>
      <${Field} col="col-12 col-md-3 mb-0" label=${tr('联系方式', 'Contact')} error=${form.err('contact')}>${({ id }) => html`
        <input id=${id} class="form-control" maxlength="100" value=${v.contact} onInput=${(e) => { v.contact = e.target.value; }} />`}<//>
      <div class="col-12 col-md-2"><${BusyButton} type="submit" busy=${form.busy} disabled=${!v.name.trim()} testid="provider-submit">${tr('添加', 'Add')}<//></div>
    </form>`;
  },
});

const NewSession = defineComponent({
  props: { street: String, providers: Array, leaders: Array, onDone: Function, onCancel: Function },
  setup(props) {
    const v = reactive({ provider: '', heldOn: today(), topic: '', hours: '2', place: '', attendees: new Set() });
    const form = useForm();
    const toggle = (lid, on) => { const s = new Set(v.attendees); if (on) s.add(lid); else s.delete(lid); v.attendees = s; };
    const submit = async (e) => {
      e.preventDefault();
      const s = await form.run(() => api.post(`/streets/${props.street}/capacity-sessions`, {
        provider: v.provider ? Number(v.provider) : null, heldOn: v.heldOn, topic: v.topic.trim(), hours: v.hours === '' ? null : Number(v.hours),
        place: v.place.trim() || null, attendees: [...v.attendees],
      }));
      if (s) { toast(tr(`已记录：${s.topic}，${s.attendance} 人参训`, `Recorded: ${s.topic}, ${s.attendance} attended`)); props.onDone(s); }
    };
    return () => html`<form class="card card-body mb-3" novalidate onSubmit=${submit} data-testid="session-form">
      <h2 class="card-title h5">${tr('记录一次赋能培训', 'Record a session')}</h2>
      ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
      <div class="row g-2">
        <${Field} col="col-12 col-md-4" label=${tr('培训机构', 'Provider')} required error=${form.err('provider')}>${({ id }) => html`
          <select id=${id} class="form-select" data-testid="session-provider" onChange=${(e) => { v.provider = e.target.value; }}>
            ${options(props.providers.map((p) => ({ value: p.id, label: p.name })), v.provider, tr('请选择', 'Choose'))}</select>`}<//>
        <${Field} col="col-12 col-md-4" label=${tr('主题', 'Topic')} required error=${form.err('topic')}>${({ id }) => html`
          <input id=${id} class=${'form-control' + (form.err('topic') ? ' is-invalid' : '')} maxlength="100" data-testid="session-topic" value=${v.topic} onInput=${(e) => { v.topic = e.target.value; }} />`}<//>
        <${Field} col="col-6 col-md-2" label=${tr('日期', 'Date')} required error=${form.err('heldOn')}>${({ id }) => html`
          <input id=${id} type="date" class="form-control" max=${today()} data-testid="session-date" value=${v.heldOn} onInput=${(e) => { v.heldOn = e.target.value; }} />`}<//>
        <${Field} col="col-6 col-md-2" label=${tr('学时', 'Hours')} required help=${tr('0.5 至 8', '0.5 to 8')} error=${form.err('hours')}>${({ id }) => html`
          <input id=${id} type="number" step="0.1" min="0.5" max="8" class=${'form-control' + (form.err('hours') ? ' is-invalid' : '')} data-testid="session-hours" value=${v.hours} onInput=${(e) => { v.hours = e.target.value; }} />`}<//>
        <${Field} col="col-12 col-md-6" label=${tr('地点', 'Place')} error=${form.err('place')}>${({ id }) => html`
          <input id=${id} class="form-control" maxlength="200" value=${v.place} onInput=${(e) => { v.place = e.target.value; }} />`}<//>
      </div>
      <fieldset class="mb-3" data-testid="session-attendees">
        <legend class="form-label fs-6">${tr('参训的楼门栋长', 'Leaders who attended')} <span class="text-danger" aria-hidden="true">*</span> <small class="text-body-secondary">${tr(`（已选 ${v.attendees.size} 人）`, ` (${v.attendees.size} chosen)`)}</small></legend>
        <div class="row g-1">
          ${props.leaders.map((l) => html`<div class="col-12 col-md-6 col-xl-4" key=${l.leader}><div class="form-check">
            <input class="form-check-input" type="checkbox" id=${'cap-' + l.leader} data-testid=${'cap-' + l.leader} checked=${v.attendees.has(l.leader)} onChange=${(e) => toggle(l.leader, e.target.checked)} />
            <label class="form-check-label" for=${'cap-' + l.leader}>${l.name}（${l.communityName}）${l.sessions === 0 ? html` ${badge(tr('今年未参训', 'none this year'), 'warning')}` : null}</label></div></div>`)}
        </div>
        ${form.err('attendees') ? html`<div class="invalid-feedback d-block" role="alert">${form.err('attendees')}</div>` : null}
      </fieldset>
      <div class="d-flex gap-2">
        <${BusyButton} type="submit" busy=${form.busy} testid="session-submit">${tr('保存', 'Save')}<//>
        <button type="button" class="btn btn-outline-secondary" onClick=${() => props.onCancel()}>${tr('取消', 'Cancel')}</button>
      </div>
    </form>`;
  },
});

export default defineComponent({
  setup() {
    const street = computed(() => scopeStreet.value || route.query.street || '');
    const year = computed(() => Number(route.query.year) || Number(today().slice(0, 4)));
    const ui = reactive({ adding: false, onlyNone: true });
    const coverage = useLoad(() => api.get('/capacity-training/coverage', { ...streetFilter(street.value), year: year.value }));
    const providers = useLoad(() => (street.value ? api.get(`/streets/${street.value}/capacity-providers`) : Promise.resolve([])));
    const sessions = useLoad(() => (street.value ? api.get(`/streets/${street.value}/capacity-sessions`, { year: year.value }) : Promise.resolve([])));
    const hours = useLoad(() => (street.value ? api.get(`/streets/${street.value}/capacity-hours`, { year: year.value }) : Promise.resolve([])));
    const reload = () => Promise.all([coverage.reload(), providers.reload(), sessions.reload(), hours.reload()]);
    watch([street, year], reload);
    const sum = (k) => (coverage.data || []).reduce((n, c) => n + Number(c[k]), 0);
    const percent = () => { const c = coverage.data || []; if (c.length === 1) return fmtPercent(c[0].percent); const s = sum('serving'); return fmtPercent(s ? Math.round((sum('covered') * 10000) / s) / 100 : 0); };
    const shown = computed(() => (hours.data || []).filter((h) => !ui.onlyNone || h.sessions === 0));

    const hourColumns = [
      { key: 'name', label: () => tr('姓名', 'Name'), sortable: true, cell: (h) => html`<a href=${'#/leaders/' + h.leader}>${h.name}</a>` },
      { key: 'communityName', label: () => tr('社区', 'Community'), sortable: true },
      { key: 'status', label: () => tr('状态', 'Status'), cell: (h) => statusBadge(h.status) },
      { key: 'sessions', label: () => tr('参训次数', 'Sessions'), sortable: true, class: 'text-end' },
      { key: 'hours', label: () => tr('学时', 'Hours'), sortable: true, class: 'text-end', sortValue: (h) => Number(h.hours) },
    ];
    const sessionColumns = [
      { key: 'heldOn', label: () => tr('日期', 'Date'), sortable: true, cell: (s) => fmtDate(s.heldOn) },
      { key: 'topic', label: () => tr('主题', 'Topic') },
      { key: 'providerName', label: () => tr('培训机构', 'Provider'), cell: (s) => html`${s.providerName} ${s.providerKind ? badge(tr(...PROVIDER_KIND[s.providerKind]), s.providerKind === 'STATION' ? 'primary' : 'success') : null}` },
      { key: 'hours', label: () => tr('学时', 'Hours'), class: 'text-end' },
      { key: 'attendance', label: () => tr('参训人数', 'Attended'), class: 'text-end', sortable: true },
    ];
    return () => html`<div>
      <${PageHeader} title=${tr('赋能培训', 'Capacity training')}>
        ${mayRun() && street.value && !ui.adding ? html`<button type="button" class="btn btn-primary" data-testid="session-new" disabled=${!(providers.data || []).length} onClick=${() => { ui.adding = true; }}>＋ ${tr('记录培训', 'Record a session')}</button>` : null}
        <a class="btn btn-outline-dark" href="#/training">${tr('入职培训', 'Onboarding training')}</a>
      <//>
      <p class="text-body-secondary">${tr('五社联动：街镇社工站、社区公益创投项目为在任楼门栋长开展赋能培训。下表列出本年度的参训情况。',
        'Five-party linkage: the street\u2019s social-work station and charity-venture projects train serving leaders. Figures for the year.')}</p>
      <${StreetChooser} value=${street.value} onChange=${(s) => setQuery({ street: s, year: year.value })} />
      <${ErrorAlert} error=${coverage.error} />
      ${figureRow([
        { key: 'serving', zh: '在任楼门栋长', en: 'Serving leaders', value: coverage.data ? sum('serving') : null },
        { key: 'covered', zh: `${year.value}年已参训`, en: `Trained in ${year.value}`, value: coverage.data ? sum('covered') : null },
        { key: 'uncovered', zh: '今年未参训', en: 'None this year', value: coverage.data ? sum('serving') - sum('covered') : null },
        { key: 'percent', zh: '覆盖率', en: 'Coverage', value: coverage.data ? percent() : null },
        { key: 'sessions', zh: '培训场次', en: 'Sessions', value: coverage.data ? sum('sessions') : null },
      ])}
      ${ui.adding ? html`<${NewSession} street=${street.value} providers=${providers.data || []} leaders=${hours.data || []}
          onCancel=${() => { ui.adding = false; }} onDone=${() => { ui.adding = false; reload(); }} />` : null}
      ${street.value ? html`
        <div class="card card-body mb-3" data-testid="hours">
          <div class="d-flex flex-wrap align-items-center gap-2 mb-2">
            <h2 class="card-title h5 me-auto mb-0">${ui.onlyNone ? tr('今年未参训的楼门栋长', 'Serving leaders without training this year') : tr('各楼门栋长学时', 'Hours per leader')}</h2>
            <div class="form-check form-switch mb-0">
              <input class="form-check-input" type="checkbox" role="switch" id="only-none" data-testid="only-none" checked=${ui.onlyNone} onChange=${(e) => { ui.onlyNone = e.target.checked; }} />
              <label class="form-check-label" for="only-none">${tr('只看未参训', 'Only those without')}</label></div>
          </div>
          <${ErrorAlert} error=${hours.error} />
          <${DataTable} columns=${hourColumns} rows=${shown.value} rowKey="leader" caption=${tr('楼门栋长学时', 'Hours per leader')}
            empty=${ui.onlyNone ? tr('今年每位在任楼门栋长都已参训。', 'Every serving leader has had training this year.') : tr('没有在任的楼门栋长。', 'No serving leaders.')} />
        </div>
        <div class="card card-body mb-3" data-testid="sessions">
          <h2 class="card-title h5">${tr(`${year.value}年培训场次`, `Sessions in ${year.value}`)}</h2>
          <${ErrorAlert} error=${sessions.error} />
          <${DataTable} columns=${sessionColumns} rows=${sessions.data || []} caption=${tr('培训场次', 'Sessions')}
            empty=${tr('今年还没有记录培训：先添加培训机构，再点“记录培训”。', 'No sessions this year: add a provider, then record a session.')} />
        </div>
        <div class="card card-body mb-3" data-testid="providers">
          <h2 class="card-title h5">${tr('培训机构', 'Providers')}</h2>
          <ul class="mb-2">${(providers.data || []).map((p) => html`<li key=${p.id}>${p.name} ${badge(tr(...PROVIDER_KIND[p.kind]), p.kind === 'STATION' ? 'primary' : 'success')}${p.contact ? html` <span class="text-body-secondary">${p.contact}</span>` : null}</li>`)}</ul>
          ${providers.data && !providers.data.length ? html`<p class="text-body-secondary">${tr('还没有培训机构。', 'No providers yet.')}</p>` : null}
          ${mayRun() ? html`<${NewProvider} street=${street.value} onDone=${() => providers.reload()} />` : null}
        </div>` : null}
    </div>`;
  },
});
