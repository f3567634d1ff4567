// 下属委员会与储备队伍: the residents' committee's sub-committees of a community (人民调解, 治安保卫, 公共卫生, 环境和物业
// 管理, 养老服务 … as configured) with their members, and the reserve: awarded leaders enter with their award's
// certificate, others are added with a reason; appointing from the reserve is recorded as a member.
import { html, defineComponent, reactive, ref, computed } from '../lib.js';
import { tr, fmtDate, today } from '../i18n.js';
import { api } from '../api.js';
import { scopeCommunity } from '../auth.js';
import { route, setQuery } from '../router.js';
import { placeName } from '../places.js';
import { PageHeader, FilterBar, Field, options, ErrorAlert, BusyButton, DataTable, toast, useLoad, useForm } from '../ui.js';
import { PlacePicker, effectivePlace, TableCard } from '../widgets/work-common.js';
import { RESERVE_SOURCE } from '../widgets/civic-common.js';

/** Adds a leader of a community to the reserve, with the reason. */
const AddToReserve = defineComponent({
  props: { community: String, onDone: Function, onCancel: Function },
  setup(props) {
    const v = reactive({ street: '', community: props.community || '', leader: '', reason: '' });
    const leaders = ref([]);
    const form = useForm();
    const loadLeaders = async () => {
      const c = scopeCommunity.value || v.community;
      leaders.value = c ? ((await api.get('/leaders', { community: c, status: 'IN_SERVICE', size: 200 }).catch(() => ({ items: [] }))).items || []) : [];
    };
    loadLeaders();
    const submit = async (e) => {
      e.preventDefault();
      const c = scopeCommunity.value || v.community;
      if (!c) { form.fields = { community: tr('请选择社区', 'Choose a community') }; return; }
      const r = await form.run(() => api.post(`/communities/${c}/reserve`, { leader: v.leader ? Number(v.leader) : null, reason: v.reason.trim() }));
      if (r) { toast(tr(`${r.leaderName} 已纳入储备队伍`, `${r.leaderName} joined the reserve`)); props.onDone(r); }
    };
    return () => html`
      <form class="card card-body mb-3" novalidate onSubmit=${submit} data-testid="reserve-form">
        <h2 class="card-title h5">${tr('纳入储备队伍', 'Add to the reserve')}</h2>
        ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
        <div class="row g-2">
          <${PlacePicker} street=${v.street} community=${v.community} needCommunity errCommunity=${form.err('community')} testid="rs"
            onChange=${(x) => { v.street = x.street; v.community = x.community; v.leader = ''; loadLeaders(); }} />
          <${Field} col="col-12 col-md-3" label=${tr('楼门栋长', 'Leader')} required error=${form.err('leader')}>${({ id }) => html`
            <select id=${id} class="form-select" data-testid="reserve-leader" onChange=${(e) => { v.leader = e.target.value; }}>
              ${options(leaders.value.map((l) => ({ value: String(l.id), label: `${l.name}（${(l.assignments || []).map((a) => (a.buildingLabel || '') + (a.unitLabel || '')).join('、')}）` })), v.leader, tr('请选择', 'Choose'))}</select>`}<//>
          <${Field} col="col-12" label=${tr('推荐理由', 'Reason')} required error=${form.err('reason')}>${({ id }) => html`
            <input id=${id} class="form-control" maxlength="500" data-testid="reserve-reason" value=${v.reason} onInput=${(e) => { v.reason = e.target.value; }} />`}<//>
        </div>
        <div class="d-flex gap-2 mt-2">
          <${BusyButton} type="submit" busy=${form.busy} testid="reserve-submit">${tr('纳入储备', 'Add')}<//>
          <button type="button" class="btn btn-outline-secondary" onClick=${() => props.onCancel()}>${tr('取消', 'Cancel')}</button>
        </div>
      </form>`;
  },
});

/** Appoints a reserve entry to a sub-committee. */
const Appoint = defineComponent({
  props: { entry: Object, committees: Array, onDone: Function, onCancel: Function },
  setup(props) {
    const v = reactive({ committee: '', appointedOn: today(), note: '' });
    const form = useForm();
    const submit = async (e) => {
      e.preventDefault();
      const r = await form.run(() => api.post(`/reserve/${props.entry.id}/appointment`, { committee: v.committee, appointedOn: v.appointedOn, note: v.note.trim() || null }));
      if (r) { toast(tr(`已任命为${r.appointedToName}成员`, `Appointed to ${r.appointedToName}`)); props.onDone(r); }
    };
    return () => html`
      <form class="card card-body mb-3 border-primary" novalidate onSubmit=${submit} data-testid="appoint-form">
        <h2 class="card-title h5">${tr('任命到下属委员会', 'Appoint to a sub-committee')}：${props.entry.leaderName}</h2>
        ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
        <div class="row g-2">
          <${Field} col="col-12 col-md-4" label=${tr('下属委员会', 'Sub-committee')} required error=${form.err('committee')}>${({ id }) => html`
            <select id=${id} class="form-select" data-testid="appoint-committee" onChange=${(e) => { v.committee = e.target.value; }}>
              ${options((props.committees || []).map((c) => ({ value: c.key, label: tr(c.zh, c.en) })), v.committee, tr('请选择', 'Choose'))}</select>`}<//>
          <${Field} col="col-12 col-md-3" label=${tr('任命日期', 'Appointed on')} required error=${form.err('appointedOn')}>${({ id }) => html`
            <input id=${id} type="date" class="form-control" max=${today()} value=${v.appointedOn} onInput=${(e) => { v.appointedOn = e.target.value; }} />`}<//>
          <${Field} col="col-12 col-md-5" label=${tr('说明（可不填）', 'Note (optional)')} error=${form.err('note')}>${({ id }) => html`
            <input id=${id} class="form-control" maxlength="500" value=${v.note} onInput=${(e) => { v.note = e.target.value; }} />`}<//>
        </div>
        <p class="form-text">${tr('任命只记录一次，记录后不能更改。', 'An appointment is recorded once and cannot be changed.')}</p>
        <div class="d-flex gap-2">
          <${BusyButton} type="submit" busy=${form.busy} disabled=${!v.committee} testid="appoint-submit">${tr('确认任命', 'Appoint')}<//>
          <button type="button" class="btn btn-outline-secondary" onClick=${() => props.onCancel()}>${tr('取消', 'Cancel')}</button>
        </div>
      </form>`;
  },
});

/** A community's sub-committees and their members; adding a member who is not in the reserve. */
const Committees = defineComponent({
  props: { community: String },
  setup(props) {
    const data = useLoad(() => (props.community ? api.get(`/communities/${props.community}/sub-committees`) : Promise.resolve(null)));
    const v = reactive({ committee: '', name: '', since: today() });
    const form = useForm();
    const add = async (e) => {
      e.preventDefault();
      const r = await form.run(() => api.post(`/communities/${props.community}/sub-committees/${v.committee}/members`, { name: v.name.trim(), since: v.since }));
      if (r) { toast(tr('已添加成员', 'Member added')); v.name = ''; data.reload(); }
    };
    return () => (!props.community ? html`<p class="mt-3">${tr('请先在上面选择一个社区，查看它的下属委员会。', 'Choose a community above to see its sub-committees.')}</p>` : html`<div class="mt-2">
      ${data.error ? html`<${ErrorAlert} error=${data.error} />` : null}
      <div class="row g-3" data-testid="committees">
        ${(data.data || []).map((c) => html`<div class="col-12 col-md-6 col-xl-4" key=${c.key}><div class="card h-100"><div class="card-body">
          <h3 class="h6 card-title">${tr(c.name, c.nameEn)} <span class="badge text-bg-light">${c.members.length} ${tr('人', '')}</span></h3>
          ${c.members.length ? html`<ul class="mb-0 ps-3">${c.members.map((m) => html`<li key=${m.id}>${m.name}${m.reserve ? html` <span class="small text-body-secondary">（${tr('储备任命', 'from the reserve')}）</span>` : null} <span class="small text-body-secondary">${tr('自', 'since')} ${fmtDate(m.since)}</span></li>`)}</ul>`
            : html`<p class="text-body-secondary mb-0">${tr('暂无成员', 'No members yet')}</p>`}
        </div></div></div>`)}
      </div>
      <form class="card card-body mt-3" novalidate onSubmit=${add} data-testid="member-form">
        <h3 class="h6">${tr('添加成员（非储备人员）', 'Add a member (not from the reserve)')}</h3>
        ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
        <div class="row g-2">
          <${Field} col="col-12 col-md-4" label=${tr('下属委员会', 'Sub-committee')} required>${({ id }) => html`
            <select id=${id} class="form-select" onChange=${(e) => { v.committee = e.target.value; }}>${options((data.data || []).map((c) => ({ value: c.key, label: tr(c.name, c.nameEn) })), v.committee, tr('请选择', 'Choose'))}</select>`}<//>
          <${Field} col="col-12 col-md-4" label=${tr('姓名', 'Name')} required error=${form.err('name')}>${({ id }) => html`
            <input id=${id} class="form-control" maxlength="40" value=${v.name} onInput=${(e) => { v.name = e.target.value; }} />`}<//>
          <${Field} col="col-12 col-md-4" label=${tr('任职日期', 'Since')} required error=${form.err('since')}>${({ id }) => html`
            <input id=${id} type="date" class="form-control" value=${v.since} onInput=${(e) => { v.since = e.target.value; }} />`}<//>
        </div>
        <div class="mt-2"><${BusyButton} type="submit" busy=${form.busy} disabled=${!v.committee || !v.name.trim()}>${tr('添加', 'Add')}<//></div>
      </form></div>`);
  },
});

export default defineComponent({
  setup() {
    const tab = computed(() => route.query.tab || 'reserve');
    const f = reactive({ street: route.query.street || '', community: route.query.community || '' });
    const applied = reactive({ ...f });
    const adding = ref(false);
    const appointing = ref(null);
    const kinds = useLoad(() => api.get('/sub-committees'));
    const reserve = useLoad(() => api.get('/reserve', effectivePlace(applied)));
    const search = () => { Object.assign(applied, f); setQuery({ tab: tab.value, ...applied }); reserve.reload(); };
    const reset = () => { Object.assign(f, { street: '', community: '' }); search(); };
    const community = () => scopeCommunity.value || applied.community;
    const columns = [
      { key: 'leaderName', label: () => tr('姓名', 'Name'), sortable: true, cell: (e) => html`<a href=${'#/leaders/' + e.leader}>${e.leaderName || '#' + e.leader}</a>` },
      { key: 'community', label: () => tr('社区', 'Community'), sortable: true, cell: (e) => e.communityName || placeName(e.community) },
      { key: 'source', label: () => tr('入库方式', 'How'), cell: (e) => html`${RESERVE_SOURCE.badge(e.source)}<div class="small">${e.source === 'AWARD' ? html`<span class="mono">${e.award}</span>` : e.reason}</div>` },
      { key: 'addedOn', label: () => tr('入库日期', 'Since'), sortable: true, cell: (e) => fmtDate(e.addedOn) },
      { key: 'appointedTo', label: () => tr('任命情况', 'Appointment'), cell: (e) => (e.appointedTo ? html`${e.appointedToName}<div class="small text-body-secondary">${fmtDate(e.appointedOn)}</div>` : tr('储备中', 'In reserve')) },
      { key: 'actions', label: () => tr('操作', 'Actions'), cell: (e) => (e.appointedTo ? '—'
        : html`<button type="button" class="btn btn-sm btn-outline-primary" data-testid="appoint-open" onClick=${() => { appointing.value = e; }}>${tr('任命', 'Appoint')}</button>`) },
    ];
    const tabs = () => [{ id: 'reserve', label: tr('储备队伍', 'Reserve') }, { id: 'committees', label: tr('下属委员会', 'Sub-committees') }];
    return () => html`
      <div>
        <${PageHeader} title=${tr('下属委员会与储备队伍', 'Sub-committees and reserve')}>
          ${tab.value === 'reserve' && !adding.value ? html`<button type="button" class="btn btn-primary" data-testid="reserve-new" onClick=${() => { adding.value = true; }}>＋ ${tr('纳入储备', 'Add to the reserve')}</button>` : null}
        <//>
        <p class="text-body-secondary">${tr('获评优秀的楼门栋长自动进入储备队伍（附证书编号），优先纳入居民委员会下属委员会成员。', 'Awarded leaders enter the reserve with their certificate number and are first in line for the residents’ committee’s sub-committees.')}</p>
        <${FilterBar} onSearch=${search} onReset=${reset}>
          <${PlacePicker} street=${f.street} community=${f.community} testid="cm" onChange=${(x) => { f.street = x.street; f.community = x.community; }} /><//>
        <ul class="nav nav-tabs mb-0" role="tablist">
          ${tabs().map((x) => html`<li class="nav-item" role="presentation" key=${x.id}>
            <button type="button" role="tab" class=${'nav-link' + (tab.value === x.id ? ' active' : '')} aria-selected=${tab.value === x.id ? 'true' : 'false'}
              data-testid=${'tab-' + x.id} onClick=${() => setQuery({ ...applied, tab: x.id })}>${x.label}</button></li>`)}
        </ul>
        ${tab.value === 'reserve' ? html`<div role="tabpanel" class="pt-2">
          ${adding.value ? html`<${AddToReserve} community=${applied.community} onDone=${() => { adding.value = false; reserve.reload(); }} onCancel=${() => { adding.value = false; }} />` : null}
          ${appointing.value ? html`<${Appoint} key=${appointing.value.id} entry=${appointing.value} committees=${kinds.data}
              onDone=${() => { appointing.value = null; reserve.reload(); }} onCancel=${() => { appointing.value = null; }} />` : null}
          ${reserve.error ? html`<${ErrorAlert} error=${reserve.error} />` : null}
          <${TableCard} busy=${reserve.loading} label=${tr('储备队伍', 'Reserve')} testid="reserve">
            <${DataTable} columns=${columns} rows=${reserve.data || []} caption=${tr('储备队伍', 'Reserve')}
              empty=${tr('储备队伍暂无人员。评优决定后获奖者自动入库，也可点“纳入储备”推荐。', 'Nobody in the reserve yet. Awardees enter once a round is decided; or press “Add to the reserve”.')} />
          <//></div>` : html`<div role="tabpanel"><${Committees} key=${community()} community=${community()} /></div>`}
      </div>`;
  },
});
