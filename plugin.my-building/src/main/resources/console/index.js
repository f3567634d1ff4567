// 我的楼门 管家活动 — the programme's console page (ProgrammeDefinition.consoleResources = "/console"), phone first:
// one column, large buttons. Who sees what follows GET /me (actor STAFF | LEADER | STEWARD) and the routes' roles
// (MyBuilding.routes): the leader and the secretary decide about stewards and publish; stewards keep duties and
// activities; the secretary keeps the points shop and publishes the monthly ranking; the street sees every community.
const DUTY_KINDS = [
  ['STAIRWELL_CLEANING', '楼道保洁', 'Stairwell cleaning'], ['GREENING', '绿化养护', 'Greening'],
  ['FIRE_EXIT_CHECK', '消防通道检查', 'Fire-exit check'], ['EBIKE_CHARGING_CHECK', '电动车飞线充电检查', 'E-bike charging check'],
  ['NOTICES', '通知张贴', 'Notices'],
];
const CATEGORIES = [
  ['CULTURE', '文化楼门', 'Culture'], ['STUDENT_QA', '学生知识线上答疑', 'Homework help online'],
  ['COUNSELLING', '心理健康咨询', 'Counselling'], ['CHILD_MINDING', '儿童短期照看', 'Child minding'],
  ['SPECIAL_GROUPS', '特殊群体帮扶', 'Help for special groups'], ['OTHER', '其他', 'Other'],
];
const STEWARD_STATUS = { PENDING: ['待审核', 'Pending', 'warning'], APPROVED: ['在任', 'Serving', 'success'], REJECTED: ['未通过', 'Rejected', 'secondary'], ENDED: ['已卸任', 'Ended', 'secondary'] };
const DUTY_STATUS = { OPEN: ['待完成', 'Open', 'secondary'], DONE: ['已完成', 'Done', 'success'], NOT_DONE: ['未完成', 'Not done', 'danger'] };
const REASONS = { DUTY: ['公益岗', 'Duty'], ACTIVITY: ['楼门活动', 'Activity'], CONVENTION: ['楼门公约', 'Convention'], REDEMPTION: ['积分兑换', 'Redemption'], CORRECTION: ['更正', 'Correction'] };

export default {
  mount(element, ctx) {
    const { html, vue, ui, i18n, tr } = ctx;
    const { defineComponent, reactive, ref, computed, watch } = vue;
    const { DataTable, Field, BusyButton, ErrorAlert, Loading, useLoad, useForm, toast, options, badge, confirmAction } = ui;
    const label = (list, k) => { const x = list.find((e) => e[0] === k); return x ? tr(x[1], x[2]) : k; };
    const status = (map, k) => (map[k] ? badge(tr(map[k][0], map[k][1]), map[k][2]) : k);
    const staff = ctx.hasRole('DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY');
    const input = (obj, key, testid, type = 'text', extra = {}) => ({ id, invalid, describedBy }) => html`<input id=${id}
      type=${type} class=${'form-control form-control-lg' + (invalid ? ' is-invalid' : '')} aria-describedby=${describedBy}
      data-testid=${testid} value=${obj[key]} onInput=${(e) => { obj[key] = e.target.value; }} ...${extra} />`;
    const select = (obj, key, testid, choices, blank) => ({ id, invalid }) => html`<select id=${id} data-testid=${testid}
      class=${'form-select form-select-lg' + (invalid ? ' is-invalid' : '')} onChange=${(e) => { obj[key] = e.target.value; }}>
      ${options(choices, obj[key], blank)}</select>`;
    const general = (f) => (f.error && !f.error.field ? html`<${ErrorAlert} error=${f.error} />` : null);
    const card = (id, title, body, extra = '') => html`<section class=${'card mb-3 ' + extra} aria-labelledby=${id}><div class="card-body">
      <h2 class="card-title h5" id=${id}>${title}</h2>${body}</div></section>`;

    const Page = defineComponent({
      setup() {
        const me = useLoad(() => ctx.api.get('/me'));
        const sel = reactive({ community: '', unit: '', tab: 'overview' });
        const units = useLoad(() => (sel.community && !(me.data && me.data.units.length)
          ? ctx.api.core.get(`/communities/${sel.community}/buildings`).then((bs) => bs.flatMap((b) => b.units.map((u) => ({
            code: u.code, label: u.label, buildingLabel: b.label, community: sel.community }))))
          : Promise.resolve([])), { immediate: false });
        watch(() => me.data, (d) => {
          if (!d) return;
          if (d.units.length) { sel.unit = d.units[0].code; sel.community = d.units[0].community; }
          else if (d.communities.length) { sel.community = d.communities[0].code; units.reload(); }
        });
        const unitList = computed(() => (me.data && me.data.units.length ? me.data.units : units.data || []));
        const actor = computed(() => (me.data ? me.data.actor : null));
        const decides = computed(() => actor.value === 'STAFF' || actor.value === 'LEADER');
        const unitName = (code) => { const u = unitList.value.find((x) => x.code === code); return u ? `${u.buildingLabel}${u.label}` : code; };

        const TABS = computed(() => [
          ['overview', tr('概览', 'Overview')], ['stewards', tr('楼门管家', 'Stewards')], ['convention', tr('楼门公约', 'Convention')],
          ['duties', tr('公益岗', 'Duties')], ['activities', tr('楼门活动', 'Activities')], ['points', tr('积分与户码', 'Points')],
          ['shop', tr('积分超市', 'Points shop')], ['ranking', tr('最美楼门', 'Best units')],
        ]);
        const u = () => sel.unit;

        // ---- data of the chosen unit ----
        const overdue = useLoad(() => ctx.api.get('/duties/overdue'));
        const stewards = useLoad(() => (u() ? ctx.api.get(`/units/${u()}/stewards`) : Promise.resolve([])), { immediate: false });
        const convention = useLoad(() => (u() ? ctx.api.get(`/units/${u()}/convention`) : Promise.resolve(null)), { immediate: false });
        const duties = useLoad(() => (u() ? ctx.api.get(`/units/${u()}/duties`) : Promise.resolve([])), { immediate: false });
        const activities = useLoad(() => (u() ? ctx.api.get(`/units/${u()}/activities`) : Promise.resolve([])), { immediate: false });
        const households = useLoad(() => (u() ? ctx.api.get(`/units/${u()}/households`) : Promise.resolve([])), { immediate: false });
        const ledger = useLoad(() => (u() ? ctx.api.get('/points', { unit: u() }) : Promise.resolve([])), { immediate: false });
        const items = useLoad(() => ctx.api.get('/shop/items', { community: sel.community || null }), { immediate: false });
        const redemptions = useLoad(() => (staff ? ctx.api.get('/shop/redemptions', { community: sel.community || null }) : Promise.resolve([])), { immediate: false });
        const ranking = reactive({ month: i18n.today().slice(0, 7) });
        const rankings = useLoad(() => ctx.api.get('/ranking', { month: ranking.month }), { immediate: false });
        const reloadUnit = () => { [stewards, convention, duties, activities, households, ledger].forEach((l) => l.reload()); };
        watch(() => sel.unit, () => { if (sel.unit) reloadUnit(); });
        watch(() => sel.community, () => { items.reload(); redemptions.reload(); });
        watch(() => sel.tab, (t) => { if (t === 'ranking') rankings.reload(); if (t === 'shop') { items.reload(); redemptions.reload(); } });

        // ---- stewards ----
        const newSteward = reactive({ name: '', phone: '', room: '' });
        const stewardForm = useForm();
        const addSteward = async (e) => {
          e.preventDefault();
          const ok = await stewardForm.run(() => ctx.api.post(`/units/${u()}/stewards`, {
            name: newSteward.name, phone: newSteward.phone || null, room: newSteward.room || null }));
          if (ok) { toast(tr(`已添加楼门管家 ${ok.name}`, `Steward ${ok.name} added`)); Object.assign(newSteward, { name: '', phone: '', room: '' }); stewards.reload(); }
        };
        const act = useForm();
        const stewardAction = async (s, what, body) => {
          const ok = await act.run(() => ctx.api.post(`/stewards/${s.id}/${what}`, body || {}));
          if (ok) { toast(tr('已保存', 'Saved')); stewards.reload(); }
        };
        const account = reactive({ steward: null, password: null });
        const openAccount = async (s) => {
          // the secretary opens the steward's console account: a user bound at the unit, granted STEWARD there
          const username = `gj${s.unit.slice(-8).toLowerCase()}${s.id}`;
          const ok = await act.run(async () => {
            const made = await ctx.api.core.post('/users', { username, displayName: `${s.name}（楼门管家）`, bindings: [{ role: 'LEADER', node: s.unit }] });
            await ctx.api.core.post('/programme-roles/grants', { username, programme: 'my-building', role: 'STEWARD', node: s.unit });
            await ctx.api.post(`/stewards/${s.id}/account`, { username });
            return made;
          });
          if (ok) { Object.assign(account, { steward: s.name, username, password: ok.temporaryPassword }); stewards.reload(); }
        };

        // ---- convention ----
        const draft = reactive({ text: '' });
        watch(() => convention.data, (c) => { draft.text = c && (c.draft || c.current) ? (c.draft || c.current).text : ''; });
        const convForm = useForm();
        const saveDraft = async (e) => {
          e.preventDefault();
          const ok = await convForm.run(() => ctx.api.put(`/units/${u()}/convention`, { text: draft.text }));
          if (ok) { toast(tr('草稿已保存', 'Draft saved')); convention.reload(); }
        };
        const publish = async () => {
          if (!await confirmAction({ title: tr('发布楼门公约', 'Publish the convention'), body: tr('发布后，住户可以在楼门页面同意新公约；已同意旧公约的住户需要重新同意。', 'Once published, households agree to the new text on the unit page; agreements to the old one stay with it.'), danger: false })) return;
          const ok = await convForm.run(() => ctx.api.post(`/units/${u()}/convention/publication`, {}));
          if (ok) { toast(tr('公约已发布', 'Convention published')); convention.reload(); }
        };

        // ---- duties ----
        const duty = reactive({ kind: 'STAIRWELL_CLEANING', title: '', dueOn: i18n.today(), steward: '', weeks: '1' });
        const dutyForm = useForm();
        const addDuty = async (e) => {
          e.preventDefault();
          const ok = await dutyForm.run(() => ctx.api.post(`/units/${u()}/duties`, { kind: duty.kind, title: duty.title || null,
            dueOn: duty.dueOn || null, steward: duty.steward ? Number(duty.steward) : null, weeks: duty.weeks ? Number(duty.weeks) : null }));
          if (ok) { toast(tr(`已排 ${ok.length} 次任务`, `${ok.length} duties planned`)); duty.title = ''; duties.reload(); }
        };
        const outcomeForm = useForm();
        const photoFor = ref(null);
        const record = async (d, done) => {
          const ok = await outcomeForm.run(() => ctx.api.post(`/duties/${d.id}/outcome`, { done }));
          if (ok) { toast(done ? tr('已记录：完成', 'Recorded: done') : tr('已记录：未完成', 'Recorded: not done')); duties.reload(); overdue.reload(); ledger.reload(); households.reload(); }
        };
        const upload = async (d, ev) => {
          const file = ev.target.files && ev.target.files[0];
          if (!file) return;
          photoFor.value = d.id;
          await outcomeForm.run(async () => {
            // the console kit's api speaks JSON only: the photo goes as raw bytes with the console's own token
            const resp = await fetch(`/api/v1/streets/${ctx.street}/programmes/my-building/duties/${d.id}/photo`, {
              method: 'POST', headers: { Authorization: 'Bearer ' + sessionStorage.getItem('loumen.token'), 'Content-Type': file.type || 'application/octet-stream' }, body: file });
            if (!resp.ok) { const b = await resp.json().catch(() => ({})); throw Object.assign(new Error(i18n.msg ? i18n.msg(b.message) : b.message), { field: null }); }
            toast(tr('照片已上传', 'Photo uploaded'));
          });
          photoFor.value = null;
          duties.reload();
        };

        // ---- activities ----
        const activity = reactive({ category: 'CULTURE', title: '', place: '', day: i18n.today(), time: '19:00', capacity: '20' });
        const actForm = useForm();
        const addActivity = async (e) => {
          e.preventDefault();
          const ok = await actForm.run(() => ctx.api.post(`/units/${u()}/activities`, { category: activity.category, title: activity.title,
            place: activity.place, startsAt: activity.day && activity.time ? `${activity.day}T${activity.time}:00` : null,
            capacity: activity.capacity === '' ? null : Number(activity.capacity) }));
          if (ok) { toast(tr(`已发布活动「${ok.title}」`, `Activity “${ok.title}” added`)); activity.title = ''; activities.reload(); }
        };
        const chosen = ref(null);
        const signups = useLoad(() => (chosen.value ? ctx.api.get(`/activities/${chosen.value.id}/signups`) : Promise.resolve([])), { immediate: false });
        const openActivity = (a) => { chosen.value = a; signups.reload(); };
        const attendForm = useForm();
        const attended = async (s) => {
          const ok = await attendForm.run(() => ctx.api.post(`/activities/${chosen.value.id}/attendance`, { household: s.household, attended: true }));
          if (ok) { toast(tr(`${ok.room} 室已签到`, `Room ${ok.room} attended`)); signups.reload(); ledger.reload(); households.reload(); }
        };

        // ---- points, codes, shop ----
        const codesForm = useForm();
        const register = async () => {
          const ok = await codesForm.run(() => ctx.api.post(`/units/${u()}/households`, {}));
          if (ok) { toast(tr(`新登记 ${ok.added} 户`, `${ok.added} households added`)); households.reload(); }
        };
        const reissue = async (h) => {
          if (!await confirmAction({ title: tr('更换户码', 'Replace the code'), body: tr(`${h.room} 室的旧户码将失效。`, `The old code of room ${h.room} stops working.`) })) return;
          const ok = await codesForm.run(() => ctx.api.post(`/households/${h.id}/code`, {}));
          if (ok) { toast(tr(`新户码 ${ok.code}`, `New code ${ok.code}`)); households.reload(); }
        };
        const correction = reactive({ household: '', delta: '', note: '' });
        const corrForm = useForm();
        const correct = async (e) => {
          e.preventDefault();
          const ok = await corrForm.run(() => ctx.api.post('/points/corrections', { household: correction.household ? Number(correction.household) : null,
            delta: correction.delta === '' ? null : Number(correction.delta), note: correction.note }));
          if (ok) { toast(tr('已记一笔更正', 'Correction recorded')); Object.assign(correction, { delta: '', note: '' }); ledger.reload(); households.reload(); }
        };
        const item = reactive({ name: '', points: '', stock: '' });
        const itemForm = useForm();
        const addItem = async (e) => {
          e.preventDefault();
          const ok = await itemForm.run(() => ctx.api.post('/shop/items', { community: sel.community, name: item.name,
            points: item.points === '' ? null : Number(item.points), stock: item.stock === '' ? null : Number(item.stock) }));
          if (ok) { toast(tr(`已上架「${ok.name}」`, `“${ok.name}” added`)); Object.assign(item, { name: '', points: '', stock: '' }); items.reload(); }
        };
        const restock = async (i, delta) => {
          const ok = await itemForm.run(() => ctx.api.post(`/shop/items/${i.id}/stock`, { delta }));
          if (ok) items.reload();
        };
        const redemption = reactive({ item: '', household: '', quantity: '1' });
        const redeemForm = useForm();
        const redeem = async (e) => {
          e.preventDefault();
          const ok = await redeemForm.run(() => ctx.api.post('/shop/redemptions', { item: redemption.item ? Number(redemption.item) : null,
            household: redemption.household ? Number(redemption.household) : null, quantity: redemption.quantity === '' ? null : Number(redemption.quantity) }));
          if (ok) { toast(tr(`已兑换 ${ok.itemName} × ${ok.quantity}，扣 ${ok.points} 分`, `Redeemed ${ok.itemName} × ${ok.quantity}: ${ok.points} points`)); items.reload(); redemptions.reload(); households.reload(); ledger.reload(); }
        };
        const rankForm = useForm();
        const publishRanking = async (c) => {
          if (!await confirmAction({ title: tr('发布最美楼门排名', 'Publish the ranking'), body: tr(`发布 ${c.communityName} ${c.month} 的排名后不能更改，并在居民页面公示。`, `The ${c.month} ranking of ${c.communityName} is then fixed and shown to residents.`), danger: false })) return;
          const ok = await rankForm.run(() => ctx.api.post('/ranking/publication', { community: c.community, month: c.month }));
          if (ok) { toast(tr('排名已发布', 'Ranking published')); rankings.reload(); }
        };

        // ---- views ----
        const picker = () => html`<div class="card mb-3"><div class="card-body">
          ${me.data && me.data.communities.length > 1 || (me.data && !me.data.units.length) ? html`
            <${Field} label=${tr('社区', 'Community')}>${({ id }) => html`<select id=${id} class="form-select form-select-lg" data-testid="mb-community"
              onChange=${(e) => { sel.community = e.target.value; sel.unit = ''; units.reload(); }}>
              ${options(me.data.communities.map((c) => ({ value: c.code, label: c.name })), sel.community)}</select>`}<//>` : null}
          <${Field} label=${tr('楼门', 'Unit')}>${({ id }) => html`<select id=${id} class="form-select form-select-lg" data-testid="mb-unit"
            onChange=${(e) => { sel.unit = e.target.value; }}>
            ${options(unitList.value.map((x) => ({ value: x.code, label: `${x.buildingLabel}${x.label}` })), sel.unit, tr('请选择楼门', 'Choose a unit'))}</select>`}<//>
          <nav aria-label=${tr('我的楼门栏目', 'Sections')} class="d-flex flex-wrap gap-2 mt-2">
            ${TABS.value.filter(([k]) => k !== 'shop' || staff || actor.value === 'LEADER').map(([k, t]) => html`<button type="button"
              class=${'btn btn-lg ' + (sel.tab === k ? 'btn-primary' : 'btn-outline-primary')} aria-pressed=${sel.tab === k ? 'true' : 'false'}
              data-testid=${'mb-tab-' + k} onClick=${() => { sel.tab = k; }}>${t}</button>`)}
          </nav></div></div>`;

        /** The duty's two outcomes, as large buttons (done / not done). */
        const outcomeButtons = (d) => html`<div class="d-flex flex-wrap gap-2 mt-2">
          <${BusyButton} size="lg" kind="success" busy=${outcomeForm.busy} testid=${'mb-done-' + d.id} onClick=${() => record(d, true)}>${tr('已完成', 'Done')}<//>
          <${BusyButton} size="lg" kind="outline-danger" busy=${outcomeForm.busy} onClick=${() => record(d, false)}>${tr('未完成', 'Not done')}<//></div>`;
        // overdue duties: for the lead steward, the leader and the secretary, first on the page, to be recorded at once
        const overdueCard = (withActions) => card('mb-overdue-h', tr('逾期未完成的公益岗', 'Overdue duties'), overdue.error ? html`<${ErrorAlert} error=${overdue.error} />`
          : !overdue.data ? html`<${Loading} />` : !overdue.data.length ? html`<p class="mb-0">${tr('没有逾期的任务。', 'No overdue duty.')}</p>`
            : html`<ul class="list-group" data-testid="mb-overdue">${overdue.data.map((d) => html`<li class="list-group-item" key=${d.id}>
              <div>${badge(tr('已逾期', 'Overdue'), 'danger')} <strong>${unitName(d.unit)}</strong> · ${d.kindLabel} · ${tr('应于', 'due')} ${i18n.fmtDate(d.dueOn)} ${d.stewardName ? `· ${d.stewardName}` : ''}</div>
              ${withActions ? outcomeButtons(d) : null}</li>`)}</ul>`,
          overdue.data && overdue.data.length ? 'border-danger' : '');

        const overviewTab = () => {
          const pending = (stewards.data || []).filter((s) => s.status === 'PENDING');
          const c = convention.data && convention.data.current;
          return html`<div>
            ${overdueCard(false)}
            ${card('mb-sum-h', tr('本楼门', 'This unit'), html`<ul class="list-unstyled fs-5 mb-0" data-testid="mb-summary">
              <li>${tr('楼门管家', 'Stewards')}：${(stewards.data || []).filter((s) => s.status === 'APPROVED').length} ${tr('人', '')}${pending.length ? html` · ${badge(tr(`${pending.length} 人待审核`, `${pending.length} pending`), 'warning')}` : null}</li>
              <li>${tr('楼门公约', 'Convention')}：${c ? tr(`已有 ${c.agreed} / ${c.households} 户同意`, `${c.agreed} of ${c.households} households agreed`) : tr('尚未发布', 'not published')}</li>
              <li>${tr('近期活动', 'Activities')}：${(activities.data || []).filter((a) => !a.past).length} ${tr('个', '')}</li>
              <li>${tr('住户积分合计', 'Points of households')}：${(households.data || []).reduce((s, h) => s + h.points, 0)}</li>
            </ul>`)}
          </div>`;
        };

        const stewardsTab = () => card('mb-stewards-h', tr('楼门管家', 'Stewards'), html`
          ${general(act)}
          ${account.password ? html`<div class="alert alert-success" role="status" data-testid="mb-account">
            ${tr(`已为 ${account.steward} 开通账号。用户名：`, `Account opened for ${account.steward}. Username: `)}<strong class="font-monospace">${account.username}</strong>
            ${tr('；初始密码（只显示这一次，首次登录须修改）：', '; first password (shown once; to be changed at first sign-in): ')}<strong class="font-monospace" data-testid="mb-account-password">${account.password}</strong></div>` : null}
          ${!stewards.data ? html`<${Loading} />` : !stewards.data.length ? html`<p>${tr('还没有楼门管家。居民可在楼门页面报名，楼门长也可以直接添加。', 'No steward yet: residents sign up on the unit page, or the leader adds one.')}</p>`
            : html`<ul class="list-group mb-3" data-testid="mb-stewards">${stewards.data.map((s) => html`<li class="list-group-item" key=${s.id} data-testid=${'mb-steward-' + s.id}>
              <div class="fs-5"><strong>${s.name}</strong> ${s.lead ? badge(tr('管家长', 'Lead steward'), 'primary') : null} ${status(STEWARD_STATUS, s.status)}</div>
              <div class="text-body-secondary">${s.room ? tr(`${s.room} 室`, `Room ${s.room}`) : ''} ${s.phone || ''} · ${s.source === 'RESIDENT' ? tr('居民报名', 'signed up') : tr('楼门长添加', 'added by the leader')}${s.username ? ` · ${tr('账号', 'account')} ${s.username}` : ''}</div>
              ${decides.value ? html`<div class="d-flex flex-wrap gap-2 mt-2">
                ${s.status === 'PENDING' ? html`<${BusyButton} size="lg" kind="success" busy=${act.busy} testid=${'mb-approve-' + s.id} onClick=${() => stewardAction(s, 'decision', { approve: true })}>${tr('批准', 'Approve')}<//>
                  <${BusyButton} size="lg" kind="outline-secondary" busy=${act.busy} onClick=${() => stewardAction(s, 'decision', { approve: false })}>${tr('不批准', 'Reject')}<//>` : null}
                ${s.status === 'APPROVED' && !s.lead ? html`<${BusyButton} size="lg" kind="outline-primary" busy=${act.busy} testid=${'mb-lead-' + s.id} onClick=${() => stewardAction(s, 'lead')}>${tr('设为管家长', 'Make lead')}<//>` : null}
                ${s.status === 'APPROVED' && staff && !s.username ? html`<${BusyButton} size="lg" kind="outline-primary" busy=${act.busy} testid=${'mb-account-' + s.id} onClick=${() => openAccount(s)}>${tr('开通账号', 'Open an account')}<//>` : null}
                ${s.status === 'APPROVED' ? html`<${BusyButton} size="lg" kind="outline-danger" busy=${act.busy} onClick=${async () => { if (await confirmAction({ title: tr('卸任', 'End service'), body: tr(`${s.name} 将不再担任楼门管家。`, `${s.name} will no longer be a steward.`) })) stewardAction(s, 'end'); }}>${tr('卸任', 'End')}<//>` : null}
              </div>` : null}</li>`)}</ul>`}
          ${decides.value ? html`<h3 class="h6">${tr('添加楼门管家', 'Add a steward')}</h3>
            <form onSubmit=${addSteward} novalidate data-testid="mb-steward-form">
              <${Field} label=${tr('姓名', 'Name')} required error=${stewardForm.err('name')}>${input(newSteward, 'name', 'mb-steward-name', 'text', { maxlength: 40 })}<//>
              <${Field} label=${tr('房号', 'Room')} error=${stewardForm.err('room')} help=${tr('如 301，积分记入这一户', 'e.g. 301; points go to this household')}>${input(newSteward, 'room', 'mb-steward-room', 'text', { maxlength: 20 })}<//>
              <${Field} label=${tr('手机号', 'Mobile')} error=${stewardForm.err('phone')}>${input(newSteward, 'phone', 'mb-steward-phone', 'tel', { maxlength: 11, inputmode: 'numeric' })}<//>
              ${general(stewardForm)}<${BusyButton} type="submit" size="lg" busy=${stewardForm.busy} testid="mb-steward-add">${tr('添加', 'Add')}<//>
            </form>` : null}`);

        const conventionTab = () => {
          const c = convention.data;
          return card('mb-conv-h', tr('楼门公约', 'Unit convention'), !c ? html`<${Loading} />` : html`
            ${c.current ? html`<div class="mb-3" data-testid="mb-convention-current"><p class="mb-1">${tr(`第 ${c.current.seq} 版，${i18n.fmtDate(c.current.publishedOn)} 发布；`, `Version ${c.current.seq}, published ${i18n.fmtDate(c.current.publishedOn)}; `)}
              <strong data-testid="mb-agreed">${tr(`${c.current.agreed} / ${c.current.households} 户已同意`, `${c.current.agreed} of ${c.current.households} households agreed`)}</strong></p>
              <div class="border rounded p-2" data-testid="mb-convention-text-current">${c.current.text.split('\n').map((line) => html`<p class="mb-1">${line}</p>`)}</div></div>`
              : html`<p>${tr('尚未发布公约。', 'No convention published yet.')}</p>`}
            <form onSubmit=${saveDraft} novalidate data-testid="mb-convention-form">
              <${Field} label=${tr(c.draft ? '草稿（未发布）' : '起草新版本', c.draft ? 'Draft (not published)' : 'Draft a new version')} required error=${convForm.err('text')}>${({ id, invalid, describedBy }) => html`
                <textarea id=${id} rows="7" maxlength="2000" data-testid="mb-convention-text" aria-describedby=${describedBy}
                  class=${'form-control fs-5' + (invalid ? ' is-invalid' : '')} value=${draft.text} onInput=${(e) => { draft.text = e.target.value; }}></textarea>`}<//>
              ${general(convForm)}
              <div class="d-flex flex-wrap gap-2"><${BusyButton} type="submit" size="lg" kind="outline-primary" busy=${convForm.busy} testid="mb-convention-save">${tr('保存草稿', 'Save draft')}<//>
              ${decides.value && c.draft ? html`<${BusyButton} size="lg" busy=${convForm.busy} testid="mb-convention-publish" onClick=${publish}>${tr('发布', 'Publish')}<//>` : null}</div>
            </form>`);
        };

        const recent = () => (duties.data || []).filter((d) => !d.overdue && d.dueOn >= i18n.today().replace(/\d\d$/, '01') || d.dueOn >= i18n.today())
          .slice().sort((x, y) => (x.dueOn < y.dueOn ? -1 : x.dueOn > y.dueOn ? 1 : 0));
        const dutiesTab = () => html`<div>${general(outcomeForm)}${overdueCard(true)}${card('mb-duties-h', tr('公益岗轮值（本月及以后）', 'Duty rota (this month on)'), html`
          ${!duties.data ? html`<${Loading} />` : !recent().length ? html`<p>${tr('还没有排班。', 'No duty planned yet.')}</p>` : html`<ul class="list-group mb-3" data-testid="mb-duties">
            ${recent().map((d) => html`<li class="list-group-item" key=${d.id} data-testid=${'mb-duty-' + d.id}>
              <div class="fs-5"><strong>${d.title}</strong> ${status(DUTY_STATUS, d.status)} ${d.overdue ? badge(tr('已逾期', 'Overdue'), 'danger') : null} ${d.safety ? badge(tr('安全检查', 'Safety'), 'info') : null}</div>
              <div class="text-body-secondary">${tr('应于', 'Due')} ${i18n.fmtDate(d.dueOn)} · ${d.stewardName || tr('未指定', 'unassigned')}${d.doneOn ? ` · ${tr('记录于', 'recorded')} ${i18n.fmtDate(d.doneOn)}` : ''}${d.photo ? ` · ${tr('有照片', 'photo')}` : ''}</div>
              ${d.status === 'OPEN' ? outcomeButtons(d)
                : html`<label class="btn btn-outline-secondary btn-lg mt-2">${photoFor.value === d.id ? tr('上传中…', 'Uploading…') : tr('上传照片', 'Add a photo')}
                  <input type="file" accept="image/jpeg,image/png" class="visually-hidden" data-testid=${'mb-photo-' + d.id} onChange=${(ev) => upload(d, ev)} /></label>`}
            </li>`)}</ul>`}
          <h3 class="h6">${tr('排班', 'Plan a duty')}</h3>
          <form onSubmit=${addDuty} novalidate data-testid="mb-duty-form">
            <${Field} label=${tr('岗位', 'Duty')} required error=${dutyForm.err('kind')}>${select(duty, 'kind', 'mb-duty-kind', DUTY_KINDS.map((k) => ({ value: k[0], label: tr(k[1], k[2]) })))}<//>
            <${Field} label=${tr('日期', 'Day')} required error=${dutyForm.err('dueOn')}>${input(duty, 'dueOn', 'mb-duty-day', 'date')}<//>
            <${Field} label=${tr('楼门管家', 'Steward')} error=${dutyForm.err('steward')}>${select(duty, 'steward', 'mb-duty-steward',
              (stewards.data || []).filter((s) => s.status === 'APPROVED').map((s) => ({ value: String(s.id), label: s.name })), tr('暂不指定', 'Nobody yet'))}<//>
            <${Field} label=${tr('连续几周（每周一次）', 'Weeks (once a week)')} error=${dutyForm.err('weeks')}>${input(duty, 'weeks', 'mb-duty-weeks', 'number', { min: 1, max: 12 })}<//>
            ${general(dutyForm)}<${BusyButton} type="submit" size="lg" busy=${dutyForm.busy} testid="mb-duty-add">${tr('排班', 'Plan')}<//>
          </form>`)}</div>`;

        const activitiesTab = () => html`<div>${card('mb-acts-h', tr('楼门活动', 'Unit activities'), html`
          ${!activities.data ? html`<${Loading} />` : !activities.data.length ? html`<p>${tr('还没有活动。', 'No activity yet.')}</p>` : html`<ul class="list-group mb-3" data-testid="mb-activities">
            ${activities.data.map((a) => html`<li class="list-group-item" key=${a.id}>
              <div class="fs-5"><strong>${a.title}</strong> ${badge(a.categoryLabel, 'info')} ${a.past ? badge(tr('已举办', 'Held'), 'secondary') : null}</div>
              <div class="text-body-secondary">${i18n.fmtDateTime ? i18n.fmtDateTime(a.startsAt) : a.startsAt} · ${a.place} · ${tr(`已报名 ${a.taken} / ${a.capacity}`, `${a.taken} of ${a.capacity} places taken`)}</div>
              <button type="button" class="btn btn-outline-primary btn-lg mt-2" data-testid=${'mb-signups-' + a.id} onClick=${() => openActivity(a)}>${tr('报名与签到', 'Sign-ups and attendance')}</button></li>`)}</ul>`}
          <h3 class="h6">${tr('发布活动', 'Add an activity')}</h3>
          <form onSubmit=${addActivity} novalidate data-testid="mb-activity-form">
            <${Field} label=${tr('类别', 'Category')} required error=${actForm.err('category')}>${select(activity, 'category', 'mb-act-category', CATEGORIES.map((k) => ({ value: k[0], label: tr(k[1], k[2]) })))}<//>
            <${Field} label=${tr('活动名称', 'Title')} required error=${actForm.err('title')}>${input(activity, 'title', 'mb-act-title', 'text', { maxlength: 100 })}<//>
            <${Field} label=${tr('地点', 'Place')} required error=${actForm.err('place')}>${input(activity, 'place', 'mb-act-place', 'text', { maxlength: 100 })}<//>
            <${Field} label=${tr('日期', 'Day')} required error=${actForm.err('startsAt')}>${input(activity, 'day', 'mb-act-day', 'date')}<//>
            <${Field} label=${tr('时间', 'Time')} required>${input(activity, 'time', 'mb-act-time', 'time')}<//>
            <${Field} label=${tr('人数上限', 'Capacity')} required error=${actForm.err('capacity')}>${input(activity, 'capacity', 'mb-act-capacity', 'number', { min: 1, max: 500 })}<//>
            ${general(actForm)}<${BusyButton} type="submit" size="lg" busy=${actForm.busy} testid="mb-act-add">${tr('发布', 'Add')}<//>
          </form>`)}
          ${chosen.value ? card('mb-signups-h', tr(`「${chosen.value.title}」报名与签到`, `Sign-ups of “${chosen.value.title}”`), html`
            ${general(attendForm)}
            ${!signups.data ? html`<${Loading} />` : !signups.data.length ? html`<p>${tr('还没有住户报名。', 'No household signed up yet.')}</p>` : html`<ul class="list-group" data-testid="mb-signups">
              ${signups.data.map((s) => html`<li class="list-group-item d-flex flex-wrap align-items-center gap-2" key=${s.id}>
                <span class="fs-5">${tr(`${s.room} 室 · ${s.people} 人`, `Room ${s.room} · ${s.people}`)}</span>
                ${s.attended ? badge(tr('已到场', 'Attended'), 'success') : html`<${BusyButton} size="lg" kind="outline-success" busy=${attendForm.busy} testid=${'mb-attend-' + s.household} onClick=${() => attended(s)}>${tr('签到', 'Attended')}<//>`}</li>`)}</ul>`}`, 'border-primary') : null}</div>`;

        const pointsTab = () => html`<div>${card('mb-households-h', tr('住户积分与户码', 'Households, points and codes'), html`
          <p class="small text-body-secondary">${tr('户码发给每户（可打印或抄写），住户在楼门页面用它同意公约、报名活动或报名楼门管家。不要公开张贴。', 'Hand each household its code; residents use it on the unit page to agree to the convention or sign up. Never post it publicly.')}</p>
          ${general(codesForm)}
          ${!households.data ? html`<${Loading} />` : html`<${DataTable} rows=${households.data} empty=${tr('还没有登记住户。', 'No household registered yet.')}
            columns=${[{ key: 'room', label: tr('房号', 'Room'), sortable: true }, { key: 'code', label: tr('户码', 'Code'), cell: (h) => (h.code ? html`<span class="font-monospace" data-testid=${'mb-code-' + h.room}>${h.code}</span>` : '—') },
              { key: 'points', label: tr('积分', 'Points'), class: 'text-end', sortable: true, cell: (h) => html`<span data-testid=${'mb-points-' + h.room}>${h.points}</span>` },
              ...(decides.value ? [{ key: 'a', label: tr('操作', 'Actions'), cell: (h) => html`<button type="button" class="btn btn-sm btn-outline-secondary" onClick=${() => reissue(h)}>${tr('更换户码', 'New code')}</button>` }] : [])]} />`}
          ${decides.value ? html`<${BusyButton} size="lg" kind="outline-primary" busy=${codesForm.busy} testid="mb-register" onClick=${register}>${tr('从住户名册登记住户', 'Register households from the records')}<//>` : null}`)}
          ${card('mb-ledger-h', tr('积分流水', 'Points ledger'), html`<p class="small text-body-secondary">${tr('每笔积分变动都有原因；记录不能修改，更正另记一笔。', 'Every change has a reason; entries are never edited, a correction is a new entry.')}</p>
            ${!ledger.data ? html`<${Loading} />` : html`<${DataTable} rows=${ledger.data} empty=${tr('还没有积分记录。', 'No entry yet.')} columns=${[
              { key: 'at', label: tr('时间', 'When'), cell: (e) => i18n.fmtDate(e.at) },
              { key: 'household', label: tr('房号', 'Room'), cell: (e) => ((households.data || []).find((h) => h.id === e.household) || {}).room || e.household },
              { key: 'reason', label: tr('原因', 'Reason'), cell: (e) => `${REASONS[e.reason] ? tr(REASONS[e.reason][0], REASONS[e.reason][1]) : e.reason}${e.note ? ' · ' + e.note : ''}` },
              { key: 'delta', label: tr('积分', 'Points'), class: 'text-end', cell: (e) => (e.delta > 0 ? '+' + e.delta : String(e.delta)) }]} />`}
            ${staff ? html`<h3 class="h6 mt-3">${tr('记一笔更正', 'Record a correction')}</h3>
              <form onSubmit=${correct} novalidate data-testid="mb-correction-form">
                <${Field} label=${tr('住户', 'Household')} required error=${corrForm.err('household')}>${select(correction, 'household', 'mb-corr-household', (households.data || []).map((h) => ({ value: String(h.id), label: h.room })), tr('请选择', 'Choose'))}<//>
                <${Field} label=${tr('分值（扣分为负数）', 'Points (negative to take off)')} required error=${corrForm.err('delta')}>${input(correction, 'delta', 'mb-corr-delta', 'number')}<//>
                <${Field} label=${tr('原因', 'Reason')} required error=${corrForm.err('note')}>${input(correction, 'note', 'mb-corr-note', 'text', { maxlength: 200 })}<//>
                ${general(corrForm)}<${BusyButton} type="submit" size="lg" busy=${corrForm.busy}>${tr('记录', 'Record')}<//>
              </form>` : null}`)}</div>`;

        const shopTab = () => html`<div>${card('mb-items-h', tr('积分超市', 'Points shop'), html`
          ${general(itemForm)}
          ${!items.data ? html`<${Loading} />` : html`<${DataTable} rows=${items.data} empty=${tr('还没有商品。', 'No item yet.')} columns=${[
            { key: 'name', label: tr('商品', 'Item') }, { key: 'points', label: tr('所需积分', 'Points'), class: 'text-end' },
            { key: 'stock', label: tr('库存', 'Stock'), class: 'text-end', cell: (i) => html`<span data-testid=${'mb-stock-' + i.id}>${i.stock}</span>${i.stock === 0 ? html` ${badge(tr('缺货', 'Out'), 'warning')}` : null}` },
            ...(staff ? [{ key: 'a', label: tr('补货', 'Restock'), cell: (i) => html`<button type="button" class="btn btn-sm btn-outline-primary" onClick=${() => restock(i, 10)}>+10</button>` }] : [])]} />`}
          ${staff && sel.community ? html`<h3 class="h6 mt-3">${tr('上架商品', 'Add an item')}</h3>
            <form onSubmit=${addItem} novalidate data-testid="mb-item-form">
              <${Field} label=${tr('商品名称', 'Name')} required error=${itemForm.err('name')}>${input(item, 'name', 'mb-item-name', 'text', { maxlength: 60 })}<//>
              <${Field} label=${tr('所需积分', 'Points')} required error=${itemForm.err('points')}>${input(item, 'points', 'mb-item-points', 'number', { min: 1 })}<//>
              <${Field} label=${tr('库存', 'Stock')} required error=${itemForm.err('stock')}>${input(item, 'stock', 'mb-item-stock', 'number', { min: 0 })}<//>
              <${BusyButton} type="submit" size="lg" busy=${itemForm.busy} testid="mb-item-add">${tr('上架', 'Add')}<//>
            </form>` : null}`)}
          ${staff ? card('mb-redeem-h', tr('兑换', 'Redeem'), html`
            <form onSubmit=${redeem} novalidate data-testid="mb-redeem-form">
              <${Field} label=${tr('商品', 'Item')} required error=${redeemForm.err('item') || redeemForm.err('quantity')}>${select(redemption, 'item', 'mb-redeem-item', (items.data || []).map((i) => ({ value: String(i.id), label: `${i.name}（${i.points} ${tr('分', 'pts')}，${tr('库存', 'stock')} ${i.stock}）` })), tr('请选择', 'Choose'))}<//>
              <${Field} label=${tr(`住户（${unitName(sel.unit)}）`, `Household (${unitName(sel.unit)})`)} required error=${redeemForm.err('household')}>${select(redemption, 'household', 'mb-redeem-household', (households.data || []).map((h) => ({ value: String(h.id), label: tr(`${h.room} 室（${h.points} 分）`, `Room ${h.room} (${h.points} pts)`) })), tr('请选择', 'Choose'))}<//>
              <${Field} label=${tr('数量', 'Quantity')} required error=${redeemForm.err('quantity')}>${input(redemption, 'quantity', 'mb-redeem-quantity', 'number', { min: 1, max: 100 })}<//>
              ${general(redeemForm)}<${BusyButton} type="submit" size="lg" busy=${redeemForm.busy} testid="mb-redeem">${tr('兑换', 'Redeem')}<//>
            </form>
            <h3 class="h6 mt-3">${tr('兑换记录', 'Redemptions')}</h3>
            ${!redemptions.data ? html`<${Loading} />` : html`<${DataTable} rows=${redemptions.data} empty=${tr('还没有兑换。', 'None yet.')} columns=${[
              { key: 'at', label: tr('时间', 'When'), cell: (e) => i18n.fmtDate(e.at) }, { key: 'itemName', label: tr('商品', 'Item') },
              { key: 'room', label: tr('住户', 'Household'), cell: (e) => `${unitName(e.unit)} ${e.room}` }, { key: 'quantity', label: tr('数量', 'Qty'), class: 'text-end' },
              { key: 'points', label: tr('积分', 'Points'), class: 'text-end' }]} />`}`) : null}</div>`;

        const rankingTab = () => card('mb-rank-h', tr('最美楼门', 'Best units of the month'), html`
          <form class="mb-3" onSubmit=${(e) => { e.preventDefault(); rankings.reload(); }} novalidate>
            <${Field} label=${tr('月份', 'Month')} error=${rankings.error && rankings.error.field === 'month' ? rankings.error.text : null}>${input(ranking, 'month', 'mb-rank-month', 'month')}<//>
            <button type="submit" class="btn btn-outline-primary btn-lg">${tr('查询', 'Show')}</button></form>
          ${general(rankForm)}
          ${rankings.error && rankings.error.field !== 'month' ? html`<${ErrorAlert} error=${rankings.error} />` : !rankings.data ? html`<${Loading} />` : rankings.data.map((c) => html`<div class="mb-4" key=${c.community} data-testid=${'mb-ranking-' + c.community}>
            <h3 class="h6">${c.communityName} · ${c.month} ${c.published ? badge(tr('已发布', 'Published'), 'success') : badge(tr('未发布（实时计算）', 'Not published (live)'), 'secondary')}</h3>
            <${DataTable} rows=${c.units} rowKey="unit" empty=${tr('没有楼门。', 'No unit.')} columns=${[
              { key: 'rank', label: tr('名次', 'Rank'), class: 'text-end' }, { key: 'label', label: tr('楼门', 'Unit') },
              { key: 'perHousehold', label: tr('户均积分', 'Points per household'), class: 'text-end' }, { key: 'safetyChecks', label: tr('安全检查', 'Safety checks'), class: 'text-end' },
              { key: 'households', label: tr('户数', 'Households'), class: 'text-end' }, { key: 'points', label: tr('积分', 'Points'), class: 'text-end' }]} />
            ${!c.published && staff && c.month < i18n.today().slice(0, 7) ? html`<${BusyButton} size="lg" busy=${rankForm.busy} testid=${'mb-publish-' + c.community} onClick=${() => publishRanking(c)}>${tr('发布本月排名', 'Publish this ranking')}<//>` : null}
            ${!c.published && staff && c.month >= i18n.today().slice(0, 7) ? html`<p class="small text-body-secondary">${tr('本月结束后可以发布。', 'Can be published once the month is over.')}</p>` : null}
          </div>`)}`);

        return () => {
          if (me.error) return html`<${ErrorAlert} error=${me.error} />`;
          if (!me.data) return html`<${Loading} />`;
          const t = sel.tab;
          const needsUnit = !['ranking', 'shop'].includes(t);
          return html`<div class="mb-page col-12 col-lg-8" data-testid="mb-page" data-actor=${me.data.actor}>
            ${picker()}
            ${needsUnit && !sel.unit ? html`<p>${tr('请先选择楼门。', 'Choose a unit first.')}</p>`
              : t === 'overview' ? overviewTab() : t === 'stewards' ? stewardsTab() : t === 'convention' ? conventionTab()
                : t === 'duties' ? dutiesTab() : t === 'activities' ? activitiesTab() : t === 'points' ? pointsTab()
                  : t === 'shop' ? shopTab() : rankingTab()}
          </div>`;
        };
      },
    });
    const app = vue.createApp(Page);
    app.mount(element);
    return () => app.unmount();
  },
};
