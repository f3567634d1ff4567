// 例会: the cadence (communities that missed a week or a month first, said in words), the meetings of a period, and
// scheduling a weekly liaison (每周沟通) or month-end meeting (按月例会) for a community.
import { html, defineComponent, reactive, ref, computed } from '../lib.js';
import { tr, fmtDate, today, fmtNumber } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { scope, scopeCommunity } from '../auth.js';
import { route, navigate, setQuery } from '../router.js';
import { placeName } from '../places.js';
import { PageHeader, FilterBar, Field, options, ErrorAlert, BusyButton, DataTable, Pager, badge, toast, useLoad, useForm } from '../ui.js';
import { MEETING_KIND, MEETING_STATUS, PlacePicker, effectivePlace, daysFrom, TableCard } from '../widgets/work-common.js';

const SIZE = 20;

/** Schedules a meeting for a community of the scope. */
const Schedule = defineComponent({
  props: { onDone: Function, onCancel: Function },
  setup(props) {
    const v = reactive({ street: '', community: '', kind: 'WEEKLY', scheduledOn: today() });
    const form = useForm();
    const submit = async (e) => {
      e.preventDefault();
      const community = scopeCommunity.value || v.community;
      if (!community) { form.fields = { community: tr('请选择社区', 'Choose a community') }; return; }
      const m = await form.run(() => api.post(`/communities/${community}/meetings`, { kind: v.kind, scheduledOn: v.scheduledOn }));
      if (m) {
        toast(tr(`已安排${MEETING_KIND.label(m.kind)}：${fmtDate(m.scheduledOn)}`, `${MEETING_KIND.label(m.kind)} scheduled for ${fmtDate(m.scheduledOn)}`));
        props.onDone(m);
      }
    };
    return () => html`
      <form class="card card-body mb-3" novalidate onSubmit=${submit} data-testid="meeting-form">
        <h2 class="card-title">${tr('安排会议', 'Schedule a meeting')}</h2>
        ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
        <div class="row g-2 mb-2">
          <${PlacePicker} street=${v.street} community=${v.community} needCommunity col="col-12 col-md-3" testid="meeting"
            errCommunity=${form.err('community')} onChange=${(x) => { v.street = x.street; v.community = x.community; }} />
          <${Field} col="col-12 col-md-3" label=${tr('会议类型', 'Kind')} required error=${form.err('kind')}>${({ id }) => html`
            <select id=${id} class="form-select" data-testid="meeting-kind" onChange=${(e) => { v.kind = e.target.value; }}>
              ${options(MEETING_KIND.options(), v.kind)}</select>`}<//>
          <${Field} col="col-12 col-md-3" label=${tr('会议日期', 'Date')} required error=${form.err('scheduledOn')}>${({ id }) => html`
            <input id=${id} type="date" class="form-control" data-testid="meeting-date" value=${v.scheduledOn} onInput=${(e) => { v.scheduledOn = e.target.value; }} />`}<//>
        </div>
        <p class="form-text mt-0">${tr('每周沟通：楼门栋长与社区每周一次；按月例会：每月月底总结。', 'Weekly liaison: leaders and the community once a week; monthly meeting: a month-end summary.')}</p>
        <div class="d-flex gap-2">
          <${BusyButton} type="submit" busy=${form.busy} disabled=${!v.scheduledOn} testid="meeting-submit">${tr('安排', 'Schedule')}<//>
          <button type="button" class="btn btn-outline-secondary" onClick=${() => props.onCancel()}>${tr('取消', 'Cancel')}</button>
        </div>
      </form>`;
  },
});

/** Communities by cadence over the last weeks and months; misses first. */
const Cadence = defineComponent({
  props: { street: String, community: String },
  setup(props) {
    const w = reactive({ weeks: 4, months: 3 });
    const data = useLoad(() => api.get('/meetings/cadence', { street: props.street, community: props.community, weeks: w.weeks, months: w.months }));
    const columns = [
      { key: 'name', label: () => tr('社区', 'Community'), sortable: true, cell: (c) => c.name || placeName(c.community) },
      { key: 'missing', label: () => tr('情况', 'Cadence'), sortable: true, sortValue: (c) => c.missedWeeks + c.missedMonths,
        cell: (c) => html`<span data-testid="cadence-state">${c.missing ? badge(tr('有缺会', 'Missed meetings'), 'danger') : badge(tr('按时召开', 'On schedule'), 'success')}</span>` },
      { key: 'missedWeeks', label: () => tr('缺每周沟通（周）', 'Weeks missed'), sortable: true, class: 'text-end figures',
        cell: (c) => html`<span class=${c.missedWeeks ? 'text-danger-emphasis fw-semibold' : ''}>${c.missedWeeks}</span>` },
      { key: 'missedMonths', label: () => tr('缺按月例会（月）', 'Months missed'), sortable: true, class: 'text-end figures',
        cell: (c) => html`<span class=${c.missedMonths ? 'text-danger-emphasis fw-semibold' : ''}>${c.missedMonths}</span>` },
      { key: 'lastWeekly', label: () => tr('最近每周沟通', 'Last weekly'), sortable: true, cell: (c) => fmtDate(c.lastWeekly) || tr('从未召开', 'never') },
      { key: 'lastMonthly', label: () => tr('最近按月例会', 'Last monthly'), sortable: true, cell: (c) => fmtDate(c.lastMonthly) || tr('从未召开', 'never') },
    ];
    return () => {
      const rows = data.data || [];
      const missing = rows.filter((c) => c.missing).length;
      return html`
        <section class="mb-4" aria-labelledby="cadence-title">
          <div class="d-flex flex-wrap align-items-end gap-2 mb-2">
            <h2 class="h5 mb-0 me-auto" id="cadence-title">${tr('例会节奏', 'Meeting cadence')}</h2>
            <div>
              <label class="form-label small mb-0" for="cad-weeks">${tr('统计周数', 'Weeks')}</label>
              <select id="cad-weeks" class="form-select form-select-sm" onChange=${(e) => { w.weeks = Number(e.target.value); data.reload(); }}>
                ${options([4, 8, 12].map((n) => ({ value: n, label: tr(`近 ${n} 周`, `last ${n} weeks`) })), w.weeks)}</select>
            </div>
            <div>
              <label class="form-label small mb-0" for="cad-months">${tr('统计月数', 'Months')}</label>
              <select id="cad-months" class="form-select form-select-sm" onChange=${(e) => { w.months = Number(e.target.value); data.reload(); }}>
                ${options([3, 6, 12].map((n) => ({ value: n, label: tr(`近 ${n} 个月`, `last ${n} months`) })), w.months)}</select>
            </div>
          </div>
          ${data.error ? html`<${ErrorAlert} error=${data.error} />` : null}
          ${data.data ? html`<p class="mb-2" data-testid="cadence-summary">${missing
            ? html`<strong class="text-danger-emphasis">${tr(`${fmtNumber(missing)} 个社区有缺会`, `${fmtNumber(missing)} communities missed meetings`)}</strong>${tr(`（共 ${fmtNumber(rows.length)} 个社区，只计已结束的完整周和月）`, ` (of ${fmtNumber(rows.length)}; only complete weeks and months count)`)}`
            : tr(`${fmtNumber(rows.length)} 个社区均按时召开例会`, `All ${fmtNumber(rows.length)} communities met on schedule`)}</p>` : null}
          <${TableCard} busy=${data.loading} label=${tr('例会节奏', 'Meeting cadence')} testid="cadence">
            <${DataTable} columns=${columns} rows=${rows} rowKey="community" caption=${tr('例会节奏', 'Meeting cadence')}
              rowClass=${(c) => (c.missing ? 'row-overdue' : '')} empty=${tr('范围内没有社区', 'No community within your scope')} />
          <//>
        </section>`;
    };
  },
});

export default defineComponent({
  setup() {
    const q = route.query;
    const f = reactive({ street: q.street || '', community: q.community || '', from: q.from || daysFrom(today(), -90), to: q.to || daysFrom(today(), 31) });
    const applied = reactive({ ...f });
    const page = ref(1);
    const scheduling = ref(false);
    const noScopeRoute = ref(false);
    // GET /meetings (across the scope) when the server has it; otherwise one community's meetings
    const list = useLoad(async () => {
      const p = effectivePlace(applied);
      if (!noScopeRoute.value) {
        try {
          return await api.get('/meetings', { street: p.street, community: p.community, from: applied.from, to: applied.to, page: page.value, size: SIZE });
        } catch (e) {
          if (!(e instanceof ApiError && e.status === 404)) throw e;
          noScopeRoute.value = true;
        }
      }
      if (!p.community) return { items: [], total: 0, needCommunity: true };
      const items = await api.get(`/communities/${p.community}/meetings`, { from: applied.from, to: applied.to });
      const sorted = [...items].reverse();
      return { items: sorted.slice((page.value - 1) * SIZE, page.value * SIZE), total: sorted.length };
    });
    const search = () => {
      Object.assign(applied, f); page.value = 1;
      setQuery({ street: applied.street, community: applied.community, from: applied.from, to: applied.to });
      list.reload();
    };
    const reset = () => { Object.assign(f, { street: '', community: '', from: daysFrom(today(), -90), to: daysFrom(today(), 31) }); search(); };
    const columns = [
      { key: 'scheduledOn', label: () => tr('会议日期', 'Date'), sortable: true, cell: (m) => fmtDate(m.scheduledOn) },
      { key: 'community', label: () => tr('社区', 'Community'), sortable: true, cell: (m) => m.communityName || placeName(m.community) },
      { key: 'kind', label: () => tr('类型', 'Kind'), sortable: true, cell: (m) => MEETING_KIND.badge(m.kind) },
      { key: 'status', label: () => tr('状态', 'Status'), sortable: true, cell: (m) => html`<span data-testid="meeting-status">${MEETING_STATUS.badge(m.status)}</span>` },
      { key: 'heldOn', label: () => tr('召开日期', 'Held on'), cell: (m) => fmtDate(m.heldOn) || '—' },
      { key: 'attendees', label: () => tr('出席人数', 'Present'), class: 'text-end figures', cell: (m) => (m.status === 'HELD' ? (typeof m.attendees === 'number' ? m.attendees : (m.attendees || []).length) : '—') },
      { key: 'actions', label: () => tr('操作', 'Actions'), cell: (m) => html`<a class="btn btn-sm btn-link px-1" href=${'#/meetings/' + m.id} data-testid="meeting-link">
          ${m.status === 'SCHEDULED' ? tr('记录会议', 'Record') : tr('查看', 'View')}</a>` },
    ];
    const onScheduled = (m) => { scheduling.value = false; navigate('/meetings/' + m.id); };
    return () => {
      const p = effectivePlace(applied);
      const data = list.data;
      return html`
        <div>
          <${PageHeader} title=${tr('例会', 'Meetings')}>
            ${!scheduling.value ? html`<button type="button" class="btn btn-primary" data-testid="meeting-new" onClick=${() => { scheduling.value = true; }}>＋ ${tr('安排会议', 'Schedule a meeting')}</button>` : null}
          <//>
          ${scheduling.value ? html`<${Schedule} onDone=${onScheduled} onCancel=${() => { scheduling.value = false; }} />` : null}
          <${Cadence} street=${p.street} community=${p.community} key=${p.street + '|' + p.community} />
          <h2 class="h5">${tr('会议记录', 'Meetings')}</h2>
          <${FilterBar} onSearch=${search} onReset=${reset}>
            <${PlacePicker} street=${f.street} community=${f.community} col="col-12 col-md-3"
              onChange=${(x) => { f.street = x.street; f.community = x.community; }} />
            <div class="col-6 col-md-2">
              <label class="form-label" for="mf-from">${tr('开始日期', 'From')}</label>
              <input id="mf-from" type="date" class="form-control" value=${f.from} onInput=${(e) => { f.from = e.target.value; }} />
            </div>
            <div class="col-6 col-md-2">
              <label class="form-label" for="mf-to">${tr('结束日期', 'To')}</label>
              <input id="mf-to" type="date" class="form-control" value=${f.to} onInput=${(e) => { f.to = e.target.value; }} />
            </div>
          <//>
          ${list.error ? html`<${ErrorAlert} error=${list.error} />` : null}
          <${TableCard} busy=${list.loading} label=${tr('会议记录', 'Meetings')} testid="meeting-list">
            <${DataTable} columns=${columns} rows=${data ? data.items : []} caption=${tr('会议记录', 'Meetings')}
              empty=${data && data.needCommunity ? tr('请先选择一个社区查看其会议。', 'Choose a community to see its meetings.')
                : tr('这段时间没有会议。点“安排会议”安排每周沟通或按月例会。', 'No meetings in this period. Press “Schedule a meeting”.')} />
          <//>
          ${data && !data.needCommunity ? html`<${Pager} page=${page.value} size=${SIZE} total=${data.total} onPage=${(n) => { page.value = n; list.reload(); }} />` : null}
        </div>`;
    };
  },
});
