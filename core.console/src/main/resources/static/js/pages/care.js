// 关怀走访: for those who care (the community's secretary, leaders of a building or unit): the visit plans of the
// tagged households, overdue ones first and marked in words, recording a visit and the household's visits.
// Street and district staff see counts per community only — never a household, a name or a tag.
import { html, defineComponent, reactive, ref, computed } from '../lib.js';
import { tr, fmtDate, fmtDateTime, today, fmtNumber } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { scope } from '../auth.js';
import { placeName } from '../places.js';
import { PageHeader, FilterBar, Field, ErrorAlert, BusyButton, DataTable, Empty, badge, toast, useLoad, useForm } from '../ui.js';
import { GROUP, PlacePicker, effectivePlace, daysFrom, TableCard } from '../widgets/work-common.js';

const CARERS = ['COMMUNITY_SECRETARY', 'LEADER'];

/** A household's visits and the form to record one. */
const Visits = defineComponent({
  props: { plan: Object, onRecorded: Function, onClose: Function },
  setup(props) {
    const visits = useLoad(() => api.get(`/households/${props.plan.household}/visits`));
    const v = reactive({ visitedOn: today(), note: '' });
    const form = useForm();
    const submit = async (e) => {
      e.preventDefault();
      const r = await form.run(() => api.post(`/households/${props.plan.household}/visits`, { visitedOn: v.visitedOn, note: v.note.trim() }));
      if (r) {
        toast(tr('走访已记录', 'Visit recorded'));
        v.note = '';
        visits.reload();
        props.onRecorded();
      }
    };
    const columns = [
      { key: 'visitedOn', label: () => tr('走访日期', 'Visited on'), sortable: true, cell: (x) => fmtDate(x.visitedOn) },
      { key: 'visitor', label: () => tr('走访人', 'Visitor') },
      { key: 'note', label: () => tr('情况记录', 'Notes'), cell: (x) => x.note || '' },
      { key: 'recordedAt', label: () => tr('登记时间', 'Recorded'), cell: (x) => fmtDateTime(x.recordedAt) },
    ];
    return () => html`
      <section class="card mb-3 border-primary" aria-labelledby="visits-title" data-testid="visits">
        <div class="card-body">
          <div class="d-flex align-items-start gap-2 mb-2">
            <h2 class="card-title me-auto mb-0" id="visits-title">${tr('走访', 'Visits')} · ${props.plan.address}</h2>
            <button type="button" class="btn btn-sm btn-outline-secondary" onClick=${() => props.onClose()}>${tr('关闭', 'Close')}</button>
          </div>
          <p class="mb-2">${(props.plan.specialGroups || []).map((g) => html`${GROUP.badge(g)} `)}
            <span class="text-body-secondary">${tr(`每 ${props.plan.intervalDays} 天走访一次`, `visit every ${props.plan.intervalDays} days`)}</span></p>
          <form class="row g-2 align-items-end mb-3" novalidate onSubmit=${submit} data-testid="visit-form">
            ${form.error && !form.error.field ? html`<div class="col-12"><${ErrorAlert} error=${form.error} /></div>` : null}
            <${Field} col="col-12 col-md-3" label=${tr('走访日期', 'Visited on')} required error=${form.err('visitedOn')}
                      help=${tr('90 天内，不晚于今天', 'Within the last 90 days')}>${({ id }) => html`
              <input id=${id} type="date" class="form-control" min=${daysFrom(today(), -90)} max=${today()} value=${v.visitedOn}
                     data-testid="visit-date" onInput=${(e) => { v.visitedOn = e.target.value; }} />`}<//>
            <${Field} col="col-12 col-md-7" label=${tr('情况记录', 'Notes')} error=${form.err('note')}>${({ id }) => html`
              <input id=${id} class="form-control" maxlength="1000" value=${v.note} data-testid="visit-note"
                     onInput=${(e) => { v.note = e.target.value; }} />`}<//>
            <div class="col-12 col-md-2 mb-3"><${BusyButton} type="submit" busy=${form.busy} disabled=${!v.visitedOn} testid="visit-submit">${tr('记录走访', 'Record visit')}<//></div>
          </form>
          ${visits.error ? html`<${ErrorAlert} error=${visits.error} />` : null}
          <${TableCard} cls="" busy=${visits.loading} label=${tr('走访记录', 'Visits')} testid="visit-list">
            <${DataTable} columns=${columns} rows=${visits.data || []} caption=${tr('走访记录', 'Visits')}
              empty=${tr('还没有走访记录。走访后在上面登记。', 'No visits yet. Record one above after visiting.')} />
          <//>
        </div>
      </section>`;
  },
});

/** The carer's view: plans with overdue ones marked, a visit panel. */
const Plans = defineComponent({
  setup() {
    const f = reactive({ overdue: false });
    const applied = reactive({ overdue: false });
    const open = ref(null);
    const plans = useLoad(() => api.get('/care/plans', { overdue: applied.overdue ? 'true' : '' }));
    const search = () => { applied.overdue = f.overdue; plans.reload(); };
    const reset = () => { f.overdue = false; search(); };
    const rows = computed(() => [...(plans.data || [])].sort((a, b) => (b.overdue - a.overdue) || String(a.nextDue).localeCompare(String(b.nextDue))));
    const overdue = computed(() => (plans.data || []).filter((p) => p.overdue).length);
    const columns = [
      { key: 'address', label: () => tr('住户', 'Household'), sortable: true },
      { key: 'specialGroups', label: () => tr('关怀类别', 'Groups'), cell: (p) => (p.specialGroups || []).map((g) => html`${GROUP.badge(g)} `) },
      { key: 'intervalDays', label: () => tr('走访周期', 'Interval'), sortable: true, class: 'text-end figures', cell: (p) => tr(`${p.intervalDays} 天`, `${p.intervalDays} days`) },
      { key: 'lastVisit', label: () => tr('上次走访', 'Last visit'), sortable: true, cell: (p) => fmtDate(p.lastVisit) || tr('尚未走访', 'never') },
      { key: 'nextDue', label: () => tr('应走访日期', 'Due'), sortable: true, cell: (p) => html`${fmtDate(p.nextDue)}${p.overdue ? html` ${badge(tr('已逾期', 'Overdue'), 'danger')}` : null}` },
      { key: 'actions', label: () => tr('操作', 'Actions'), cell: (p) => html`<button type="button" class="btn btn-sm btn-link px-1"
          data-testid=${'plan-visit-' + p.household} onClick=${() => { open.value = p; }}>${tr('走访记录', 'Visits')}</button>` },
    ];
    return () => html`
      <div>
        ${open.value ? html`<${Visits} key=${open.value.household} plan=${open.value} onRecorded=${() => plans.reload()} onClose=${() => { open.value = null; }} />` : null}
        <${FilterBar} onSearch=${search} onReset=${reset}>
          <div class="col-12 col-md-3">
            <div class="form-check mb-2">
              <input class="form-check-input" type="checkbox" id="cf-overdue" data-testid="care-overdue" checked=${f.overdue}
                     onChange=${(e) => { f.overdue = e.target.checked; }} />
              <label class="form-check-label" for="cf-overdue">${tr('只看逾期未走访', 'Overdue only')}</label>
            </div>
          </div>
        <//>
        ${plans.data ? html`<p data-testid="care-summary">${tr(`需关怀住户 ${fmtNumber(plans.data.length)} 户，`, `${fmtNumber(plans.data.length)} households to care for, `)}
          ${overdue.value ? html`<strong class="text-danger-emphasis">${tr(`${fmtNumber(overdue.value)} 户逾期未走访`, `${fmtNumber(overdue.value)} overdue`)}</strong>` : tr('均已按期走访', 'none overdue')}</p>` : null}
        ${plans.error ? html`<${ErrorAlert} error=${plans.error} />` : null}
        <${TableCard} busy=${plans.loading} label=${tr('走访计划', 'Visit plans')} testid="care-plans">
          <${DataTable} columns=${columns} rows=${rows.value} rowKey="household" caption=${tr('走访计划', 'Visit plans')}
            rowClass=${(p) => (p.overdue ? 'row-overdue' : '')}
            empty=${applied.overdue ? tr('没有逾期未走访的住户。', 'No household is overdue.')
              : tr('没有需关怀的住户。在“住户”中为住户标注特殊群体后，这里会列出走访计划。', 'No household to care for. Tag households with special groups under Households to plan visits.')} />
        <//>
      </div>`;
  },
});

/** Street and district staff: how many plans and overdue visits per community, nothing about anyone. */
const Counts = defineComponent({
  setup() {
    const f = reactive({ street: '', community: '' });
    const applied = reactive({ street: '', community: '' });
    const data = useLoad(async () => {
      const p = effectivePlace(applied);
      try {
        return await api.get('/care/overdue', { street: p.street, community: p.community });
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return { missing: true, items: [] };
        throw e;
      }
    });
    const search = () => { Object.assign(applied, f); data.reload(); };
    const reset = () => { Object.assign(f, { street: '', community: '' }); search(); };
    const columns = [
      { key: 'communityName', label: () => tr('社区', 'Community'), sortable: true, cell: (c) => c.communityName || placeName(c.community) },
      { key: 'plans', label: () => tr('需关怀住户（户）', 'Households to care for'), sortable: true, class: 'text-end figures', cell: (c) => fmtNumber(c.plans) },
      { key: 'overdue', label: () => tr('逾期未走访（户）', 'Overdue visits'), sortable: true, class: 'text-end figures',
        cell: (c) => html`<span class=${c.overdue ? 'text-danger-emphasis fw-semibold' : ''}>${fmtNumber(c.overdue)}</span>${c.overdue ? html` ${badge(tr('有逾期', 'Overdue'), 'danger')}` : null}` },
    ];
    return () => {
      const d = data.data;
      return html`
        <div>
          <p class="text-body-secondary">${tr('关怀对象的住户信息只对所在社区书记和负责的楼门栋长可见；此处只显示各社区的户数。', 'Households in care are seen only by their community secretary and their leaders; here you see counts per community.')}</p>
          <${FilterBar} onSearch=${search} onReset=${reset}>
            <${PlacePicker} street=${f.street} community=${f.community} onChange=${(x) => { f.street = x.street; f.community = x.community; }} />
          <//>
          ${data.error ? html`<${ErrorAlert} error=${data.error} />` : null}
          ${d && d.missing ? html`<div class="card card-body"><${Empty} text=${tr('服务器尚未提供各社区走访统计。', 'The server does not offer visit counts per community yet.')} /></div>` : null}
          ${d && !d.missing ? html`
            <div class="d-flex gap-4 mb-2 figures" data-testid="care-totals">
              <div class="stat"><span class="num">${fmtNumber(d.plans)}</span><span class="lbl d-block">${tr('需关怀住户（户）', 'Households to care for')}</span></div>
              <div class="stat"><span class="num text-danger-emphasis">${fmtNumber(d.overdue)}</span><span class="lbl d-block">${tr('逾期未走访（户）', 'Overdue visits')}</span></div>
            </div>` : null}
          ${d && d.missing ? null : html`
            <${TableCard} busy=${data.loading} label=${tr('各社区走访情况', 'Visits per community')} testid="care-counts">
              <${DataTable} columns=${columns} rows=${d ? d.items : []} rowKey="community" caption=${tr('各社区走访情况', 'Visits per community')}
                rowClass=${(c) => (c.overdue ? 'row-overdue' : '')} empty=${tr('范围内没有需关怀的住户。', 'No household in care within your scope.')} />
            <//>`}
        </div>`;
    };
  },
});

export default defineComponent({
  setup() {
    const carer = computed(() => CARERS.includes(scope.role));
    return () => html`
      <div>
        <${PageHeader} title=${tr('关怀走访', 'Care visits')} />
        ${carer.value ? html`<${Plans} />` : html`<${Counts} />`}
      </div>`;
  },
});
