// One brand: 成员 (members), 服务活动 (activities with who took part), 服务时长 (report my hours; approve or reject),
// 年度排行 (ranking, certificates to print, CSV). One column on a phone; buttons large enough to tap.
export default function brandPage(ctx) {
  const { html, vue, ui, i18n, tr } = ctx;
  const { defineComponent, reactive, ref } = vue;
  const { DataTable, Field, BusyButton, ErrorAlert, Loading, Empty, useLoad, useForm, toast, options, badge, confirmAction } = ui;
  const STATUS = { PENDING: [tr('待审核', 'Pending'), 'warning'], APPROVED: [tr('已通过', 'Approved'), 'success'],
    REJECTED: [tr('已退回', 'Rejected'), 'secondary'] };
  const input = (obj, key, testid, type = 'text', extra = {}) => ({ id }) => html`<input id=${id} type=${type}
    class="form-control form-control-lg" data-testid=${testid} value=${obj[key]} ...${extra}
    onInput=${(e) => { obj[key] = e.target.value; }} />`;
  const who = (r) => r.name || tr(`编号 ${r.volunteerNo}`, `No. ${r.volunteerNo}`);
  const certUrl = (member, year) => `/programme-pages/${ctx.programme.id}/${ctx.programme.version}/certificate.html`
    + `#street=${ctx.street}&member=${member}&year=${year}`;

  const Members = defineComponent({
    props: { brand: Object },
    setup(props) {
      const members = useLoad(() => ctx.api.get(`/brands/${props.brand.id}/members`));
      const leaders = useLoad(() => (props.brand.manage
        ? ctx.api.core.get('/leaders', { community: props.brand.community, size: 200 }).catch(() => ({ items: [] }))
        : Promise.resolve({ items: [] })));
      const f = reactive({ kind: 'RESIDENT', leader: '', name: '', volunteerNo: '', skills: '', joinedOn: i18n.today() });
      const form = useForm();
      const add = async (e) => {
        e.preventDefault();
        const body = { kind: f.kind, volunteerNo: f.volunteerNo || null, joinedOn: f.joinedOn || null,
          skills: f.skills.split(/[,，、\s]+/).filter((s) => s) };
        if (f.kind === 'LEADER') body.leader = f.leader ? Number(f.leader) : null; else body.name = f.name;
        if (await form.run(() => ctx.api.post(`/brands/${props.brand.id}/members`, body))) {
          toast(tr('已添加成员', 'Member added'));
          Object.assign(f, { name: '', volunteerNo: '', skills: '', leader: '' });
          members.reload();
        }
      };
      const leave = async (m) => {
        if (await confirmAction({ title: tr('登记退出', 'Record leaving'), body: tr(`${who(m)} 今天起退出本品牌，已记录的服务时长保留。`,
          `${who(m)} leaves the brand today; their recorded hours are kept.`), ok: tr('确认退出', 'Confirm') })) {
          await ctx.api.post(`/brands/${props.brand.id}/members/${m.id}/leaving`, {}).then(() => members.reload())
            .catch((err) => toast(err.text || String(err), 'danger'));
        }
      };
      return () => html`<section aria-labelledby="vb-members-h">
        <h2 id="vb-members-h" class="h5">${tr('成员', 'Members')}</h2>
        ${members.error ? html`<${ErrorAlert} error=${members.error} />` : !members.data ? html`<${Loading} />` : html`
          <${DataTable} rows=${members.data} empty=${tr('还没有成员。', 'No member yet.')} columns=${[
            { key: 'volunteerNo', label: tr('志愿者编号', 'Volunteer no.'), sortable: true },
            { key: 'name', label: tr('姓名', 'Name'), cell: (r) => r.name || '—' },
            { key: 'kind', label: tr('身份', 'Kind'), cell: (r) => (r.kind === 'LEADER' ? tr('楼门栋长', 'Leader') : tr('居民', 'Resident')) },
            { key: 'skills', label: tr('特长（社区达人）', 'Skills'), cell: (r) => r.skills.join('、') || '—' },
            { key: 'joinedOn', label: tr('加入日期', 'Joined'), cell: (r) => i18n.fmtDate(r.joinedOn) },
            { key: 'active', label: tr('状态', 'Status'), cell: (r) => (r.active ? badge(tr('在队', 'Active'), 'success')
              : badge(tr('已退出', 'Left'), 'secondary')) },
            ...(props.brand.manage ? [{ key: 'act', label: tr('操作', 'Actions'), cell: (r) => (r.active ? html`<button type="button"
              class="btn btn-outline-secondary vb-touch" onClick=${() => leave(r)}>${tr('登记退出', 'Leaves')}</button>` : '') }] : []),
          ]} />`}
        ${props.brand.manage ? html`<form class="card card-body mt-3" onSubmit=${add} novalidate data-testid="vb-member-form">
          <h3 class="h6">${tr('添加成员', 'Add a member')}</h3>
          <${Field} label=${tr('身份', 'Kind')} required error=${form.err('kind')}>${({ id }) => html`
            <select id=${id} class="form-select form-select-lg" data-testid="vb-member-kind" onChange=${(e) => { f.kind = e.target.value; }}>
              ${options([{ value: 'RESIDENT', label: tr('居民', 'Resident') }, { value: 'LEADER', label: tr('楼门栋长', 'Leader') }], f.kind)}
            </select>`}<//>
          ${f.kind === 'LEADER' ? html`<${Field} label=${tr('楼门栋长', 'Leader')} required error=${form.err('leader')}>${({ id }) => html`
            <select id=${id} class="form-select form-select-lg" data-testid="vb-member-leader" onChange=${(e) => { f.leader = e.target.value; }}>
              ${options(((leaders.data || {}).items || []).map((l) => ({ value: l.id, label: l.name })), f.leader, tr('请选择', 'Choose'))}
            </select>`}<//>`
            : html`<${Field} label=${tr('姓名', 'Name')} required error=${form.err('name')}>${input(f, 'name', 'vb-member-name')}<//>`}
          <${Field} label=${tr('志愿者编号（不填则自动生成；请勿填身份证号）', 'Volunteer no. (blank: generated; never an ID card number)')}
            error=${form.err('volunteerNo')}>${input(f, 'volunteerNo', 'vb-member-no')}<//>
          <${Field} label=${tr('特长（用逗号分隔，如：义务理发，家电维修）', 'Skills (comma-separated)')} error=${form.err('skills')}>${input(f, 'skills', 'vb-member-skills')}<//>
          <${Field} label=${tr('加入日期', 'Joined on')} error=${form.err('joinedOn')}>${input(f, 'joinedOn', 'vb-member-joined', 'date')}<//>
          ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
          <${BusyButton} type="submit" busy=${form.busy} size="lg" testid="vb-add-member">${tr('添加成员', 'Add')}<//>
        </form>` : null}
      </section>`;
    },
  });

  const Activities = defineComponent({
    props: { brand: Object },
    setup(props) {
      const activities = useLoad(() => ctx.api.get(`/brands/${props.brand.id}/activities`));
      const members = useLoad(() => ctx.api.get(`/brands/${props.brand.id}/members`));
      const f = reactive({ heldOn: i18n.today(), title: '', place: '', hours: {} });
      const form = useForm();
      const add = async (e) => {
        e.preventDefault();
        const participants = Object.entries(f.hours).filter(([, h]) => h !== '' && h != null)
          .map(([member, h]) => ({ member: Number(member), hours: Number(h) }));
        if (await form.run(() => ctx.api.post(`/brands/${props.brand.id}/activities`, {
          heldOn: f.heldOn, title: f.title, place: f.place || null, participants,
        }))) {
          toast(tr('已记录服务活动', 'Activity recorded'));
          Object.assign(f, { title: '', place: '', hours: {} });
          activities.reload();
        }
      };
      return () => html`<section aria-labelledby="vb-acts-h">
        <h2 id="vb-acts-h" class="h5">${tr('服务活动', 'Activities')}</h2>
        ${activities.error ? html`<${ErrorAlert} error=${activities.error} />` : !activities.data ? html`<${Loading} />`
          : activities.data.length === 0 ? html`<${Empty} text=${tr('还没有活动记录。', 'No activity yet.')} />` : html`
          <ul class="list-unstyled" data-testid="vb-activities">${activities.data.map((a) => html`<li class="card mb-2" key=${a.id}>
            <div class="card-body">
              <h3 class="h6 mb-1">${a.title}</h3>
              <p class="mb-1 text-body-secondary">${i18n.fmtDate(a.heldOn)}${a.place ? ' · ' + a.place : ''} ·
                ${tr(`${a.volunteers} 人，共 ${a.hours} 小时`, `${a.volunteers} volunteers, ${a.hours} h`)}</p>
              ${a.participants.length ? html`<p class="mb-0 small">${a.participants.map((p) => `${who(p)} ${p.hours}h`).join('；')}</p>` : null}
            </div></li>`)}</ul>`}
        ${props.brand.manage ? html`<form class="card card-body mt-3" onSubmit=${add} novalidate data-testid="vb-activity-form">
          <h3 class="h6">${tr('记录服务活动', 'Record an activity')}</h3>
          <${Field} label=${tr('日期', 'Date')} required error=${form.err('heldOn')}>${input(f, 'heldOn', 'vb-act-date', 'date')}<//>
          <${Field} label=${tr('活动名称', 'Title')} required error=${form.err('title')}>${input(f, 'title', 'vb-act-title')}<//>
          <${Field} label=${tr('地点', 'Place')} error=${form.err('place')}>${input(f, 'place', 'vb-act-place')}<//>
          <fieldset class="mb-3">
            <legend class="form-label fs-6">${tr('参与成员及服务时长（小时，以半小时计；不参加的留空）', 'Who took part and their hours (half hours; blank: not there)')}</legend>
            ${(members.data || []).filter((m) => m.active).map((m) => html`<div class="input-group input-group-lg mb-2" key=${m.id}>
              <label class="input-group-text flex-grow-1" for=${'vb-h-' + m.id}>${who(m)}</label>
              <input id=${'vb-h-' + m.id} type="number" min="0.5" max="24" step="0.5" class="form-control vb-hours"
                data-testid=${'vb-act-hours-' + m.id} value=${f.hours[m.id] || ''} onInput=${(e) => { f.hours[m.id] = e.target.value; }} />
            </div>`)}
            ${form.err('participants') ? html`<div class="invalid-feedback d-block" role="alert">${form.err('participants')}</div>` : null}
          </fieldset>
          ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
          <${BusyButton} type="submit" busy=${form.busy} size="lg" testid="vb-add-activity">${tr('记录活动', 'Record')}<//>
        </form>` : null}
      </section>`;
    },
  });

  const Hours = defineComponent({
    props: { brand: Object },
    setup(props) {
      const status = ref(props.brand.manage ? 'PENDING' : '');
      const hours = useLoad(() => ctx.api.get('/hours', { brand: props.brand.id, status: status.value || undefined }));
      const f = reactive({ servedOn: i18n.today(), hours: '', description: '' });
      const form = useForm();
      const reasons = reactive({});
      const decision = useForm();
      const report = async (e) => {
        e.preventDefault();
        if (await form.run(() => ctx.api.post(`/brands/${props.brand.id}/hours`, {
          servedOn: f.servedOn, hours: f.hours === '' ? null : Number(f.hours), description: f.description,
        }))) {
          toast(tr('已申报，等待带头人审核', 'Reported: waiting for approval'));
          Object.assign(f, { hours: '', description: '' });
          hours.reload();
        }
      };
      const decide = async (h, approve) => {
        if (await decision.run(() => ctx.api.post(`/hours/${h.id}/decision`, { approve, reason: reasons[h.id] || null }))) {
          toast(approve ? tr('已通过', 'Approved') : tr('已退回', 'Rejected'));
          hours.reload();
        }
      };
      const row = (h) => html`<li class="card mb-2" key=${h.id} data-testid=${'vb-hours-' + h.id}><div class="card-body">
        <p class="mb-1"><strong>${who(h)}</strong> · ${i18n.fmtDate(h.servedOn)} · ${h.hours} ${tr('小时', 'h')} ${badge(STATUS[h.status][0], STATUS[h.status][1])}</p>
        <p class="mb-1">${h.description || ''} <span class="text-body-secondary small">${h.source === 'ACTIVITY' ? tr('（服务活动）', '(activity)') : tr('（个人申报）', '(self-reported)')}</span></p>
        ${h.rejectReason ? html`<p class="mb-1 text-danger-emphasis">${tr('退回理由：', 'Reason: ')}${h.rejectReason}</p>` : null}
        ${h.mayDecide ? html`<div>
          <label class="form-label" for=${'vb-reason-' + h.id}>${tr('退回理由（退回时必填）', 'Reason (needed to reject)')}</label>
          <input id=${'vb-reason-' + h.id} class="form-control form-control-lg mb-2" data-testid=${'vb-reason-' + h.id}
            value=${reasons[h.id] || ''} onInput=${(e) => { reasons[h.id] = e.target.value; }} />
          <div class="d-grid gap-2 d-sm-flex">
            <button type="button" class="btn btn-success btn-lg vb-touch" data-testid=${'vb-approve-' + h.id} disabled=${decision.busy}
              onClick=${() => decide(h, true)}>${tr('通过', 'Approve')}</button>
            <button type="button" class="btn btn-outline-danger btn-lg vb-touch" data-testid=${'vb-reject-' + h.id} disabled=${decision.busy}
              onClick=${() => decide(h, false)}>${tr('退回', 'Reject')}</button>
          </div></div>` : null}
      </div></li>`;
      return () => html`<section aria-labelledby="vb-hours-h">
        <h2 id="vb-hours-h" class="h5">${tr('服务时长', 'Service hours')}</h2>
        ${props.brand.member ? html`<form class="card card-body mb-3" onSubmit=${report} novalidate data-testid="vb-report-form">
          <h3 class="h6">${tr('申报我的服务时长', 'Report my hours')}</h3>
          <${Field} label=${tr('服务日期（近 90 天内）', 'Day served (last 90 days)')} required error=${form.err('servedOn')}>${input(f, 'servedOn', 'vb-rep-date', 'date')}<//>
          <${Field} label=${tr('时长（小时，以半小时计）', 'Hours (half hours)')} required error=${form.err('hours')}>${input(f, 'hours', 'vb-rep-hours', 'number', { min: '0.5', max: '24', step: '0.5' })}<//>
          <${Field} label=${tr('服务内容', 'What you did')} required error=${form.err('description')}>${input(f, 'description', 'vb-rep-desc')}<//>
          ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
          <${BusyButton} type="submit" busy=${form.busy} size="lg" testid="vb-report">${tr('提交申报', 'Report')}<//>
        </form>` : null}
        <${Field} label=${tr('审核状态', 'Status')}>${({ id }) => html`<select id=${id} class="form-select form-select-lg" data-testid="vb-hours-status"
          onChange=${(e) => { status.value = e.target.value; hours.reload(); }}>
          ${options([{ value: 'PENDING', label: tr('待审核', 'Pending') }, { value: 'APPROVED', label: tr('已通过', 'Approved') },
            { value: 'REJECTED', label: tr('已退回', 'Rejected') }], status.value, tr('全部', 'All'))}</select>`}<//>
        ${decision.error ? html`<${ErrorAlert} error=${decision.error} />` : null}
        ${hours.error ? html`<${ErrorAlert} error=${hours.error} />` : !hours.data ? html`<${Loading} />`
          : hours.data.length === 0 ? html`<${Empty} text=${tr('没有这样的时长记录。', 'Nothing here.')} />`
          : html`<ul class="list-unstyled" data-testid="vb-hours">${hours.data.map(row)}</ul>`}
      </section>`;
    },
  });

  const Ranking = defineComponent({
    props: { brand: Object },
    setup(props) {
      const year = ref(Number(i18n.today().slice(0, 4)));
      const ranking = useLoad(() => ctx.api.get('/ranking', { brand: props.brand.id, year: year.value }));
      const exporting = ref(false);
      const exportCsv = async () => {
        exporting.value = true;
        try {
          await ctx.api.download('/hours.csv', { brand: props.brand.id, year: year.value }, `志愿服务时长-${year.value}.csv`);
        } catch (err) { toast(err.text || String(err), 'danger'); } finally { exporting.value = false; }
      };
      const thisYear = Number(i18n.today().slice(0, 4));
      return () => html`<section aria-labelledby="vb-rank-h">
        <h2 id="vb-rank-h" class="h5">${tr('年度服务时长排行', 'Yearly ranking')}</h2>
        <${Field} label=${tr('年度', 'Year')}>${({ id }) => html`<select id=${id} class="form-select form-select-lg" data-testid="vb-year"
          onChange=${(e) => { year.value = Number(e.target.value); ranking.reload(); }}>
          ${options([thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}` })), year.value)}</select>`}<//>
        ${props.brand.manage ? html`<${BusyButton} kind="primary" size="lg" busy=${exporting.value} testid="vb-export"
          onClick=${exportCsv}>${tr('导出服务时长（CSV）', 'Export hours (CSV)')}<//>` : null}
        ${ranking.error ? html`<${ErrorAlert} error=${ranking.error} />` : !ranking.data ? html`<${Loading} />` : html`
          <${DataTable} rows=${ranking.data} rowKey="member" empty=${tr('这一年还没有已审核的服务时长。', 'No approved hours that year.')} columns=${[
            { key: 'rank', label: tr('名次', 'Rank'), class: 'text-end' },
            { key: 'name', label: tr('志愿者', 'Volunteer'), cell: (r) => who(r) },
            { key: 'hours', label: tr('时长（小时）', 'Hours'), class: 'text-end' },
            { key: 'days', label: tr('服务天数', 'Days'), class: 'text-end' },
            { key: 'cert', label: tr('时长证明', 'Certificate'), cell: (r) => (props.brand.manage || r.kind === 'LEADER' && props.brand.member
              ? html`<a class="btn btn-outline-primary vb-touch" data-testid=${'vb-cert-' + r.member} href=${certUrl(r.member, year.value)}>${tr('打印证明', 'Print')}</a>` : '—') },
          ]} />`}
      </section>`;
    },
  });

  const TABS = [['members', tr('成员', 'Members'), Members], ['activities', tr('服务活动', 'Activities'), Activities],
    ['hours', tr('服务时长', 'Hours'), Hours], ['ranking', tr('年度排行', 'Ranking'), Ranking]];

  return defineComponent({
    props: { brand: Object, communityName: String, onBack: Function },
    setup(props) {
      const tab = ref(props.brand.manage ? 'hours' : 'members');
      return () => html`<div data-testid="vb-brand-page" class="vb-page">
        <button type="button" class="btn btn-link btn-lg px-0 vb-touch" data-testid="vb-back" onClick=${() => props.onBack()}>← ${tr('返回品牌列表', 'All brands')}</button>
        <h2 class="h4 mb-1" data-testid="vb-brand-name">${props.brand.name}</h2>
        <p class="text-body-secondary">${props.communityName}${props.brand.founderName ? ' · ' + tr('创始人 ', 'founded by ') + props.brand.founderName : ''}
          ${props.brand.prioritySupport ? html` · <strong class="text-danger-emphasis">★ ${tr('优先扶持', 'Priority support')}</strong>` : null}</p>
        <nav class="nav nav-pills flex-column flex-sm-row mb-3 vb-tabs" aria-label=${tr('品牌栏目', 'Brand sections')}>
          ${TABS.map(([id, label]) => html`<button type="button" class=${'nav-link flex-sm-fill text-sm-center vb-touch' + (tab.value === id ? ' active' : '')}
            aria-current=${tab.value === id ? 'page' : null} data-testid=${'vb-tab-' + id} onClick=${() => { tab.value = id; }}>${label}</button>`)}
        </nav>
        ${TABS.filter(([id]) => id === tab.value).map(([id, , C]) => html`<${C} key=${id} brand=${props.brand} />`)}
      </div>`;
    },
  });
}
