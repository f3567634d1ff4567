// 人民调解结对 — the programme's console page (ProgrammeDefinition.consoleResources = "/console"). The console loads
// this module from the bundle and calls mount(element, ctx); ctx.api reaches this programme's routes, ctx.api.core the
// rest of the API. One column on a phone (mediators and leaders), cards on a desktop. What each person sees follows
// the routes (Mediation.routes): a part whose list answers 403 is not theirs and is not shown.
//   - the street: statistics, every case, screening rounds, pairings (make and end them);
//   - a community's secretary: the same for their community, rounds, but no pairing;
//   - a mediator (人民调解员): the cases of their pairings and each step of them, the disputes their leaders found,
//     the problem reports of the duty 矛盾化解调处员;
//   - a paired leader: their pairing and the screening form.
const CATEGORIES = [
  ['NEIGHBOURS', '邻里纠纷', 'Between neighbours'],
  ['FAMILY', '婚姻家庭纠纷', 'Marriage and family'],
  ['PROPERTY_MANAGEMENT', '物业纠纷', 'Property management'],
  ['TENANCY', '房屋租赁纠纷', 'Tenancy'],
  ['DEBT', '债务纠纷', 'Debt'],
  ['LABOUR', '劳动纠纷', 'Labour'],
  ['DAMAGES', '损害赔偿纠纷', 'Damages'],
  ['OTHER', '其他纠纷', 'Other'],
];
const RISKS = [
  ['LOW', '一般', 'Low', 'secondary'],
  ['MEDIUM', '较大', 'Medium', 'warning'],
  ['HIGH', '重大', 'High', 'danger'],
];
const STATES = [
  ['ACCEPTED', '已受理', 'Accepted', 'info'],
  ['IN_MEDIATION', '调解中', 'Being mediated', 'warning'],
  ['AGREED', '达成协议', 'Agreement reached', 'success'],
  ['REFERRED', '已移交', 'Referred', 'secondary'],
  ['FOLLOWED_UP', '已回访', 'Followed up', 'primary'],
  ['ARCHIVED', '已归档', 'Archived', 'dark'],
];
const STEPS = {
  SESSION: ['记录调解', 'Record a session'],
  AGREE: ['达成协议', 'Agreement reached'],
  REFER: ['移交', 'Refer'],
  FOLLOW_UP: ['回访', 'Follow-up visit'],
  ARCHIVE: ['归档', 'Archive'],
};
const SOURCES = { DIRECT: ['直接受理', 'Brought directly'], SCREENING: ['排查发现', 'Found in screening'], REPORT: ['问题时报', 'Problem report'] };

export default {
  mount(element, ctx) {
    const { html, vue, ui, i18n, tr } = ctx;
    const { defineComponent, reactive, ref, computed, nextTick } = vue;
    const { Field, BusyButton, ErrorAlert, Loading, Empty, useLoad, useForm, toast, options, badge, confirmAction } = ui;

    const named = (list, id) => { const x = list.find((e) => e[0] === id); return x ? tr(x[1], x[2]) : (id || '—'); };
    const tagged = (list, id) => { const x = list.find((e) => e[0] === id); return x ? badge(tr(x[1], x[2]), x[3]) : id; };
    const choices = (list) => list.map((e) => ({ value: e[0], label: tr(e[1], e[2]) }));
    const date = (d) => (d ? i18n.fmtDate(d) : '—');
    const isStreet = ctx.hasRole('DISTRICT_ADMIN', 'STREET_ADMIN');
    const isStaff = isStreet || ctx.hasRole('COMMUNITY_SECRETARY');
    /** A list the user may not read (403) is a part of the page that is not theirs. */
    const forbidden = (load) => load.error && load.error.status === 403;

    const Page = defineComponent({
      setup() {
        const communities = useLoad(() => ctx.communities());
        const communityName = (code) => ((communities.data || []).find((c) => c.code === code) || {}).name || code;
        const pairings = useLoad(() => ctx.api.get('/pairings'));
        const filter = reactive({ status: '', overdue: '' });
        const cases = useLoad(() => ctx.api.get('/cases', { status: filter.status, overdue: filter.overdue }));
        const overdue = useLoad(() => ctx.api.get('/cases', { overdue: 'true' }));
        const rounds = useLoad(() => ctx.api.get('/rounds'));
        const reports = useLoad(() => ctx.api.get('/reports'));
        const stats = useLoad(() => (isStaff ? ctx.api.get('/statistics') : Promise.resolve(null)));
        const casework = computed(() => !forbidden(cases));
        const activePairings = computed(() => (pairings.data || []).filter((p) => p.active));
        const pairingLabel = (p) => `${communityName(p.community)} · ${p.mediatorName} — ${p.leaderName || '#' + p.leader}`;
        const reloadCases = () => { cases.reload(); overdue.reload(); if (isStaff) stats.reload(); };

        const input = (obj, key, testid, type = 'text', extra = {}) => ({ id, invalid, describedBy }) => html`<input id=${id}
          type=${type} class=${'form-control form-control-lg' + (invalid ? ' is-invalid' : '')} aria-describedby=${describedBy}
          data-testid=${testid} value=${obj[key]} onInput=${(e) => { obj[key] = e.target.value; }} ...${extra} />`;
        const area = (obj, key, testid, max) => ({ id, invalid, describedBy }) => html`<textarea id=${id} rows="3"
          class=${'form-control form-control-lg' + (invalid ? ' is-invalid' : '')} aria-describedby=${describedBy} maxlength=${max}
          data-testid=${testid} value=${obj[key]} onInput=${(e) => { obj[key] = e.target.value; }}></textarea>`;
        const select = (obj, key, testid, list, blank, onPick) => ({ id, invalid, describedBy }) => html`<select id=${id}
          class=${'form-select form-select-lg' + (invalid ? ' is-invalid' : '')} aria-describedby=${describedBy} data-testid=${testid}
          onChange=${(e) => (onPick ? onPick(e.target.value) : (obj[key] = e.target.value))}>${options(list, obj[key], blank)}</select>`;
        const generalError = (f) => (f.error && !f.error.field ? html`<${ErrorAlert} error=${f.error} />` : null);
        const loaded = (load, body) => (load.error ? html`<${ErrorAlert} error=${load.error} />` : !load.data ? html`<${Loading} />` : body());

        // ---- one case: its facts, sessions and next steps ----
        const current = ref(null);
        const step = ref('');
        const form = reactive({ day: i18n.today(), attendees: '', notes: '', terms: '', to: '', satisfied: 'true' });
        const stepForm = useForm();
        const openCase = async (id) => {
          current.value = await ctx.api.get(`/cases/${id}`);
          step.value = '';
          nextTick(() => { const h = element.querySelector('#md-case-h'); if (h) { h.scrollIntoView({ block: 'start' }); h.focus(); } });
        };
        const startStep = (s) => {
          step.value = s;
          Object.assign(form, { day: i18n.today(), attendees: '', notes: '', terms: '', to: '', satisfied: 'true' });
          stepForm.error = null; stepForm.fields = {};
          nextTick(() => { const f = element.querySelector('[data-testid=md-step-day]'); if (f) f.focus(); });
        };
        const submitStep = async (e) => {
          e.preventDefault();
          const c = current.value;
          const s = step.value;
          if (['AGREE', 'REFER', 'ARCHIVE'].includes(s)) {
            const sure = await confirmAction({
              title: tr(`确认${STEPS[s][0]}`, `${STEPS[s][1]}?`),
              body: s === 'ARCHIVE' ? tr('归档后案件不能再更改。', 'An archived case cannot be changed any more.')
                : tr('登记后调解即告结束，只能再回访和归档。', 'After this the mediation is over: only the follow-up visit and archiving remain.'),
              ok: tr(STEPS[s][0], STEPS[s][1]),
            });
            if (!sure) return;
          }
          const path = { SESSION: 'sessions', AGREE: 'agreement', REFER: 'referral', FOLLOW_UP: 'follow-up', ARCHIVE: 'archive' }[s];
          const body = {
            SESSION: { heldOn: form.day || null, attendees: form.attendees, notes: form.notes },
            AGREE: { reachedOn: form.day || null, terms: form.terms },
            REFER: { referredOn: form.day || null, to: form.to, note: form.notes.trim() || null },
            FOLLOW_UP: { visitedOn: form.day || null, notes: form.notes, satisfied: form.satisfied === 'true' },
            ARCHIVE: { archivedOn: form.day || null },
          }[s];
          const ok = await stepForm.run(() => ctx.api.post(`/cases/${c.id}/${path}`, body));
          if (ok) {
            toast(tr(`已${STEPS[s][0]}`, `Done: ${STEPS[s][1]}`));
            current.value = ok.sessions ? ok : await ctx.api.get(`/cases/${c.id}`);
            step.value = '';
            reloadCases();
          }
        };
        const dayField = { SESSION: ['调解日期', 'Held on', 'heldOn'], AGREE: ['达成协议日期', 'Reached on', 'reachedOn'],
          REFER: ['移交日期', 'Referred on', 'referredOn'], FOLLOW_UP: ['回访日期', 'Visited on', 'visitedOn'], ARCHIVE: ['归档日期', 'Archived on', 'archivedOn'] };
        const fact = (zh, en, value) => html`<div class="col-12 col-md-6"><dt class="small text-body-secondary">${tr(zh, en)}</dt><dd class="mb-2">${value}</dd></div>`;
        const caseCard = () => {
          const c = current.value;
          if (!c) return null;
          const s = step.value;
          const df = dayField[s];
          return html`<section class="card mb-3 border-primary" aria-labelledby="md-case-h" data-testid="md-case"><div class="card-body">
            <h2 class="card-title h5" id="md-case-h" tabindex="-1">${tr(`案件 ${c.id}`, `Case ${c.id}`)}</h2>
            <p class="mb-2 text-break">${c.summary}</p>
            <p class="mb-3">${tagged(STATES, c.status)} ${tagged(RISKS, c.risk)} ${c.overdue ? badge(tr('已逾期', 'Overdue'), 'danger') : null}</p>
            <dl class="row mb-2">
              ${fact('当事人', 'Parties', c.parties || '—')}
              ${fact('纠纷类别', 'Category', named(CATEGORIES, c.category))}
              ${fact('社区', 'Community', communityName(c.community))}
              ${fact('调解员', 'Mediator', c.mediatorName || '—')}
              ${fact('来源', 'Source', SOURCES[c.source] ? tr(...SOURCES[c.source]) : c.source)}
              ${fact('受理日期', 'Accepted on', date(c.acceptedOn))}
              ${c.dueOn ? fact('本阶段期限', 'Due by', html`<span>${date(c.dueOn)}</span>${c.overdue ? html` <strong class="text-danger">${tr('（已逾期）', ' (overdue)')}</strong>` : null}`) : null}
              ${c.closedOn ? fact(c.outcome === 'REFERRED' ? '移交日期' : '达成协议日期', c.outcome === 'REFERRED' ? 'Referred on' : 'Agreement on', date(c.closedOn)) : null}
              ${c.referredTo ? fact('移交至', 'Referred to', c.referredTo) : null}
              ${c.outcomeNote ? fact(c.outcome === 'REFERRED' ? '移交说明' : '协议内容', c.outcome === 'REFERRED' ? 'Referral note' : 'Terms', c.outcomeNote) : null}
              ${c.followedUpOn ? fact('回访', 'Follow-up', `${date(c.followedUpOn)} ${c.followUpNote || ''} ${c.satisfied === true ? tr('（满意）', '(satisfied)') : c.satisfied === false ? tr('（不满意）', '(not satisfied)') : ''}`) : null}
              ${c.archivedOn ? fact('归档日期', 'Archived on', date(c.archivedOn)) : null}
            </dl>
            <h3 class="h6">${tr('调解记录', 'Mediation sessions')}</h3>
            ${!(c.sessions || []).length ? html`<p class="text-body-secondary">${tr('还没有调解记录。', 'No session recorded yet.')}</p>`
              : html`<ol class="list-group list-group-numbered mb-3" data-testid="md-sessions">${c.sessions.map((x) => html`<li class="list-group-item" key=${x.id}>
                  <strong>${date(x.heldOn)}</strong> · ${x.attendees}<div class="text-break">${x.notes}</div></li>`)}</ol>`}
            ${(c.steps || []).length ? html`<div class="d-grid d-md-flex gap-2 mb-2">${c.steps.map((k) => html`
              <button type="button" class=${'btn btn-lg ' + (s === k ? 'btn-primary' : 'btn-outline-primary')} data-testid=${'md-step-' + k}
                aria-pressed=${s === k ? 'true' : 'false'} onClick=${() => startStep(k)}>${tr(...STEPS[k])}</button>`)}</div>` : null}
            ${s ? html`<form class="row g-2 mt-1" onSubmit=${submitStep} novalidate data-testid="md-step-form">
              <${Field} col="col-12 col-md-4" label=${tr(df[0], df[1])} required error=${stepForm.err(df[2])}>${
                input(form, 'day', 'md-step-day', 'date', { max: i18n.today() })}<//>
              ${s === 'SESSION' ? html`<${Field} col="col-12 col-md-8" label=${tr('参加人员', 'Who attended')} required error=${stepForm.err('attendees')}
                help=${tr('写身份，不写姓名：如“双方当事人、楼门栋长、调解员”', 'Roles, not names: e.g. both parties, the leader, the mediator')}>${
                input(form, 'attendees', 'md-attendees', 'text', { maxlength: 200 })}<//>` : null}
              ${s === 'REFER' ? html`<${Field} col="col-12 col-md-8" label=${tr('移交至', 'Referred to')} required error=${stepForm.err('to')}
                help=${tr('如：司法所、派出所、人民法院、信访办', 'e.g. the justice office, police station, court, petition office')}>${
                input(form, 'to', 'md-to', 'text', { maxlength: 60 })}<//>` : null}
              ${s === 'AGREE' ? html`<${Field} col="col-12" label=${tr('协议内容', 'Terms agreed')} required error=${stepForm.err('terms')}>${
                area(form, 'terms', 'md-terms', 1000)}<//>` : null}
              ${s === 'SESSION' || s === 'FOLLOW_UP' || s === 'REFER' ? html`<${Field} col="col-12"
                label=${s === 'REFER' ? tr('说明', 'Note') : s === 'FOLLOW_UP' ? tr('回访情况', 'What the visit found') : tr('调解情况', 'What happened')}
                required=${s !== 'REFER'} error=${stepForm.err(s === 'REFER' ? 'note' : 'notes')}>${area(form, 'notes', 'md-notes', s === 'SESSION' ? 1000 : 500)}<//>` : null}
              ${s === 'FOLLOW_UP' ? html`<${Field} col="col-12 col-md-4" label=${tr('当事人是否满意', 'Parties satisfied?')} error=${stepForm.err('satisfied')}>${
                select(form, 'satisfied', 'md-satisfied', [{ value: 'true', label: tr('满意', 'Satisfied') }, { value: 'false', label: tr('不满意', 'Not satisfied') }], null)}<//>` : null}
              <div class="col-12 d-grid d-md-flex gap-2">${generalError(stepForm)}
                <${BusyButton} type="submit" size="lg" busy=${stepForm.busy} testid="md-step-submit">${tr('提交', 'Submit')}<//>
                <button type="button" class="btn btn-lg btn-outline-dark" onClick=${() => { step.value = ''; }}>${tr('取消', 'Cancel')}</button></div>
            </form>` : null}
            <button type="button" class="btn btn-link mt-2" onClick=${() => { current.value = null; }}>${tr('关闭案件详情', 'Close the case details')}</button>
          </div></section>`;
        };

        // ---- lists of cases: one card per case (one column on a phone) ----
        const caseItem = (c) => html`<li class="list-group-item d-flex flex-column flex-md-row gap-2 align-items-md-center" key=${c.id} data-testid=${'md-case-' + c.id}>
          <div class="flex-grow-1">
            <div class="text-break fw-semibold">${c.summary}</div>
            <div class="small">${tagged(STATES, c.status)} ${tagged(RISKS, c.risk)} ${c.overdue ? badge(tr('已逾期', 'Overdue'), 'danger') : null}
              <span class="text-body-secondary">${named(CATEGORIES, c.category)} · ${communityName(c.community)} · ${c.mediatorName || ''} · ${tr('期限', 'due')} ${date(c.dueOn)}</span></div>
          </div>
          <button type="button" class="btn btn-outline-primary btn-lg text-nowrap" data-testid=${'md-open-' + c.id}
            aria-label=${tr(`查看案件 ${c.id}`, `Open case ${c.id}`)} onClick=${() => openCase(c.id)}>${tr('查看', 'Open')}</button>
        </li>`;
        const caseList = (list, empty) => (!list.length ? html`<${Empty} text=${empty} />`
          : html`<ul class="list-group mb-2">${list.map(caseItem)}</ul>`);

        const overdueCard = () => (forbidden(overdue) || !overdue.data || !overdue.data.length ? null : html`
          <section class="card mb-3 border-danger" aria-labelledby="md-overdue-h" data-testid="md-overdue"><div class="card-body">
            <h2 class="card-title h5" id="md-overdue-h">${tr(`逾期案件（${overdue.data.length}）`, `Overdue cases (${overdue.data.length})`)}</h2>
            <p class="small text-body-secondary">${tr('首次调解 7 天内、调结 30 天内、回访 15 天内、归档 15 天内。',
              'First session within 7 days, settled within 30, follow-up within 15, archived within 15.')}</p>
            ${caseList(overdue.data, '')}
          </div></section>`);

        const casesCard = () => (forbidden(cases) ? null : html`<section class="card mb-3" aria-labelledby="md-cases-h"><div class="card-body">
          <h2 class="card-title h5" id="md-cases-h">${tr('矛盾纠纷案件', 'Dispute cases')}</h2>
          <form class="row g-2 align-items-end mb-3" role="search" onSubmit=${(e) => { e.preventDefault(); cases.reload(); }}>
            <${Field} col="col-12 col-sm-6 col-md-4" label=${tr('状态', 'Status')}>${select(filter, 'status', 'md-status', choices(STATES), tr('全部', 'All'), (v) => { filter.status = v; cases.reload(); })}<//>
            <${Field} col="col-12 col-sm-6 col-md-4" label=${tr('期限', 'Deadline')}>${select(filter, 'overdue', 'md-overdue-filter',
              [{ value: 'true', label: tr('已逾期', 'Overdue') }, { value: 'false', label: tr('未逾期', 'In time') }], tr('全部', 'All'), (v) => { filter.overdue = v; cases.reload(); })}<//>
          </form>
          ${loaded(cases, () => caseList(cases.data, filter.status || filter.overdue ? tr('没有符合条件的案件。', 'No case matches.')
            : tr('还没有案件：从排查发现、问题时报转入，或在下方直接受理。', 'No case yet: turn a screened dispute or a report into one, or accept one below.')))}
        </div></section>`);

        // ---- a case brought directly ----
        const kase = reactive({ pairing: '', category: '', risk: 'LOW', parties: '', summary: '', acceptedOn: i18n.today() });
        const caseForm = useForm();
        const partyHelp = () => tr('不写姓名：写“3单元501住户与401住户”“王某”或首字母（W）；不写身份证号、电话',
          'No names: write “the households of rooms 501 and 401”, a surname alone (Mr Wang) or initials (W); no ID or phone numbers');
        const newCase = async (e) => {
          e.preventDefault();
          const ok = await caseForm.run(() => ctx.api.post('/cases', {
            pairing: kase.pairing === '' ? null : Number(kase.pairing), category: kase.category || null, risk: kase.risk || null,
            parties: kase.parties, summary: kase.summary, acceptedOn: kase.acceptedOn || null,
          }));
          if (ok) {
            toast(tr('已受理案件', 'Case accepted'));
            Object.assign(kase, { category: '', parties: '', summary: '' });
            reloadCases();
            openCase(ok.id);
          }
        };
        const caseFields = (obj, f) => html`
          <${Field} col="col-12 col-md-4" label=${tr('纠纷类别', 'Category')} required error=${f.err('category')}>${select(obj, 'category', 'md-category', choices(CATEGORIES), tr('请选择', 'Choose'))}<//>
          <${Field} col="col-12 col-md-4" label=${tr('风险等级', 'Risk')} required error=${f.err('risk')}>${select(obj, 'risk', 'md-risk', choices(RISKS), null)}<//>
          <${Field} col="col-12" label=${tr('当事人', 'Parties')} required error=${f.err('parties')} help=${partyHelp()}>${input(obj, 'parties', 'md-parties', 'text', { maxlength: 200, autocomplete: 'off' })}<//>
          <${Field} col="col-12" label=${tr('纠纷概要', 'Summary')} required error=${f.err('summary')}>${area(obj, 'summary', 'md-summary', 500)}<//>`;
        const newCaseCard = () => (forbidden(cases) ? null : html`<section class="card mb-3" aria-labelledby="md-new-case-h"><div class="card-body">
          <h2 class="card-title h5" id="md-new-case-h">${tr('直接受理案件', 'Accept a case')}</h2>
          ${!activePairings.value.length ? html`<p class="text-body-secondary mb-0">${tr('有了结对才能受理案件。', 'Cases belong to a pairing: there is none yet.')}</p>` : html`
          <form class="row g-2" onSubmit=${newCase} novalidate data-testid="md-case-form">
            <${Field} col="col-12 col-md-8" label=${tr('结对', 'Pairing')} required error=${caseForm.err('pairing')}>${
              select(kase, 'pairing', 'md-case-pairing', activePairings.value.map((p) => ({ value: p.id, label: pairingLabel(p) })), tr('请选择结对', 'Choose a pairing'))}<//>
            <${Field} col="col-12 col-md-4" label=${tr('受理日期', 'Accepted on')} error=${caseForm.err('acceptedOn')}>${input(kase, 'acceptedOn', 'md-acceptedOn', 'date', { max: i18n.today() })}<//>
            ${caseFields(kase, caseForm)}
            <div class="col-12 d-grid d-md-block">${generalError(caseForm)}
              <${BusyButton} type="submit" size="lg" busy=${caseForm.busy} testid="md-accept-case">${tr('受理', 'Accept')}<//></div>
          </form>`}
        </div></section>`);

        // ---- screening rounds: the leader's form, everyone's list of what was found ----
        const round = ref(null);
        const disputes = useLoad(() => (round.value ? ctx.api.get(`/rounds/${round.value}/disputes`) : Promise.resolve([])));
        const pickRound = (id) => { round.value = id === '' ? null : Number(id); disputes.reload(); };
        const found = reactive({ category: '', risk: 'LOW', parties: '', summary: '' });
        const foundForm = useForm();
        const isLeaderHere = computed(() => (pairings.data || []).some((p) => p.active) && ctx.hasRole('LEADER') && forbidden(cases));
        const record = async (e) => {
          e.preventDefault();
          const ok = await foundForm.run(() => ctx.api.post(`/rounds/${round.value}/disputes`, {
            category: found.category || null, risk: found.risk || null, parties: found.parties, summary: found.summary,
          }));
          if (ok) {
            toast(tr('已登记排查发现的纠纷', 'Dispute recorded'));
            Object.assign(found, { category: '', parties: '', summary: '' });
            disputes.reload(); rounds.reload();
          }
        };
        const toCase = async (d) => {
          const ok = await ctx.api.post(`/disputes/${d.id}/case`, {}).catch((err) => { toast(err.text || String(err), 'danger'); return null; });
          if (ok) { toast(tr('已转为案件', 'Now a case')); disputes.reload(); reloadCases(); openCase(ok.id); }
        };
        const roundName = (x) => `${x.title}（${date(x.startsOn)} – ${date(x.endsOn)}）${x.open ? '' : tr(' 已结束', ' ended')}`;
        const newRound = reactive({ community: '', title: '', startsOn: i18n.today(), endsOn: '' });
        const roundForm = useForm();
        const addRound = async (e) => {
          e.preventDefault();
          const ok = await roundForm.run(() => ctx.api.post('/rounds', { community: newRound.community, title: newRound.title,
            startsOn: newRound.startsOn || null, endsOn: newRound.endsOn || null }));
          if (ok) { toast(tr('已开始排查', 'Screening round started')); Object.assign(newRound, { title: '', endsOn: '' }); rounds.reload(); }
        };
        const selectedRound = computed(() => (rounds.data || []).find((x) => x.id === round.value));
        const screeningCard = () => (forbidden(rounds) ? null : html`<section class="card mb-3" aria-labelledby="md-rounds-h"><div class="card-body">
          <h2 class="card-title h5" id="md-rounds-h">${tr('矛盾纠纷排查', 'Dispute screening')}</h2>
          ${loaded(rounds, () => (!rounds.data.length ? html`<${Empty} text=${isStaff ? tr('还没有排查：在下方开始一次。', 'No screening round yet: start one below.')
            : tr('社区还没有开始排查。', 'The community has not started a screening round yet.')} />` : html`
            <${Field} label=${tr('排查', 'Round')}>${({ id }) => html`<select id=${id} class="form-select form-select-lg" data-testid="md-round"
              onChange=${(e) => pickRound(e.target.value)}>${options(rounds.data.map((x) => ({ value: x.id, label: `${communityName(x.community)} · ${roundName(x)} · ${x.disputes}` })), round.value, tr('请选择排查', 'Choose a round'))}</select>`}<//>`))}
          ${round.value && isLeaderHere.value && selectedRound.value && selectedRound.value.open ? html`
            <h3 class="h6 mt-3">${tr('登记发现的纠纷', 'Record a dispute')}</h3>
            <form class="row g-2" onSubmit=${record} novalidate data-testid="md-dispute-form">
              ${caseFields(found, foundForm)}
              <div class="col-12 d-grid d-md-block">${generalError(foundForm)}
                <${BusyButton} type="submit" size="lg" busy=${foundForm.busy} testid="md-record">${tr('登记', 'Record')}<//></div>
            </form>` : null}
          ${round.value ? loaded(disputes, () => (!disputes.data.length ? html`<${Empty} text=${tr('本次排查还没有登记纠纷。', 'Nothing recorded in this round yet.')} />`
            : html`<ul class="list-group mt-3" data-testid="md-disputes">${disputes.data.map((d) => html`<li class="list-group-item d-flex flex-column flex-md-row gap-2 align-items-md-center" key=${d.id}>
                <div class="flex-grow-1"><div class="text-break fw-semibold">${d.summary}</div>
                  <div class="small">${tagged(RISKS, d.risk)} <span class="text-body-secondary">${named(CATEGORIES, d.category)} · ${d.parties} · ${date(d.recordedOn)}</span></div></div>
                ${d.caseId ? html`<button type="button" class="btn btn-outline-dark btn-lg text-nowrap" aria-label=${tr(`查看案件 ${d.caseId}`, `Open case ${d.caseId}`)}
                    onClick=${() => (casework.value ? openCase(d.caseId) : null)} disabled=${!casework.value}>${tr('已立案', 'A case')}</button>`
                  : casework.value ? html`<button type="button" class="btn btn-primary btn-lg text-nowrap" data-testid=${'md-to-case-' + d.id}
                    aria-label=${tr(`转为案件：排查记录 ${d.id}`, `Make dispute ${d.id} a case`)} onClick=${() => toCase(d)}>${tr('转为案件', 'Make it a case')}</button>` : null}
              </li>`)}</ul>`)) : null}
          ${isStaff ? html`<h3 class="h6 mt-4">${tr('开始一次排查', 'Start a screening round')}</h3>
            <form class="row g-2" onSubmit=${addRound} novalidate data-testid="md-round-form">
              <${Field} col="col-12 col-md-6" label=${tr('社区', 'Community')} required error=${roundForm.err('community')}>${
                select(newRound, 'community', 'md-round-community', (communities.data || []).map((c) => ({ value: c.code, label: c.name })), tr('请选择社区', 'Choose a community'))}<//>
              <${Field} col="col-12 col-md-6" label=${tr('名称', 'Title')} required error=${roundForm.err('title')}>${input(newRound, 'title', 'md-round-title', 'text', { maxlength: 60 })}<//>
              <${Field} col="col-6 col-md-3" label=${tr('开始', 'Starts')} required error=${roundForm.err('startsOn')}>${input(newRound, 'startsOn', 'md-round-start', 'date')}<//>
              <${Field} col="col-6 col-md-3" label=${tr('结束', 'Ends')} required error=${roundForm.err('endsOn')}>${input(newRound, 'endsOn', 'md-round-end', 'date')}<//>
              <div class="col-12 d-grid d-md-block">${generalError(roundForm)}
                <${BusyButton} type="submit" size="lg" busy=${roundForm.busy} testid="md-add-round">${tr('开始排查', 'Start')}<//></div>
            </form>` : null}
        </div></section>`);

        // ---- core problem reports of the duty 矛盾化解调处员 ----
        const fromReport = reactive({ report: null, pairing: '', category: '', risk: 'LOW', parties: '', summary: '' });
        const reportForm = useForm();
        const reportToCase = async (e) => {
          e.preventDefault();
          const ok = await reportForm.run(() => ctx.api.post(`/reports/${fromReport.report}/case`, {
            pairing: fromReport.pairing === '' ? null : Number(fromReport.pairing), category: fromReport.category || null,
            risk: fromReport.risk || null, parties: fromReport.parties, summary: fromReport.summary,
          }));
          if (ok) { toast(tr('已转为案件', 'Now a case')); fromReport.report = null; reports.reload(); reloadCases(); openCase(ok.id); }
        };
        const reportsCard = () => (forbidden(reports) || !reports.data || !reports.data.length ? null : html`
          <section class="card mb-3" aria-labelledby="md-reports-h"><div class="card-body">
            <h2 class="card-title h5" id="md-reports-h">${tr('问题时报中的矛盾纠纷', 'Problem reports about disputes')}</h2>
            <ul class="list-group" data-testid="md-reports">${reports.data.map((x) => html`<li class="list-group-item d-flex flex-column flex-md-row gap-2 align-items-md-center" key=${x.id}>
              <div class="flex-grow-1">${tr(`问题报告 ${x.id}`, `Report ${x.id}`)} · ${communityName(x.community)} · ${i18n.fmtDateTime(x.createdAt)}</div>
              ${x.caseId ? html`<span>${tr(`已立案（${x.caseId}）`, `Case ${x.caseId}`)}</span>` : html`<button type="button" class="btn btn-outline-primary btn-lg text-nowrap"
                data-testid=${'md-report-' + x.id} onClick=${() => { Object.assign(fromReport, { report: x.id, pairing: '', category: '', parties: '', summary: '' }); }}>${tr('转为案件', 'Make it a case')}</button>`}
            </li>`)}</ul>
            ${fromReport.report ? html`<form class="row g-2 mt-2" onSubmit=${reportToCase} novalidate data-testid="md-report-form">
              <${Field} col="col-12" label=${tr('结对', 'Pairing')} required error=${reportForm.err('pairing')}>${
                select(fromReport, 'pairing', 'md-report-pairing', activePairings.value.map((p) => ({ value: p.id, label: pairingLabel(p) })), tr('请选择结对', 'Choose a pairing'))}<//>
              ${caseFields(fromReport, reportForm)}
              <div class="col-12 d-grid d-md-block">${generalError(reportForm)}
                <${BusyButton} type="submit" size="lg" busy=${reportForm.busy} testid="md-report-submit">${tr('受理', 'Accept')}<//></div>
            </form>` : null}
          </div></section>`);

        // ---- pairings (the street makes and ends them; history kept) ----
        const pair = reactive({ community: '', mediator: '', mediatorName: '', mediatorPhone: '', leader: '', since: i18n.today() });
        const pairForm = useForm();
        const leaders = reactive({});
        const mediators = reactive({});
        const pickCommunity = (code) => {
          Object.assign(pair, { community: code, leader: '', mediator: '' });
          if (!code) return;
          if (!leaders[code]) ctx.api.core.get('/leaders', { community: code, size: 200, sort: 'name' }).then((r) => { leaders[code] = r.items; }).catch(() => { leaders[code] = []; });
          if (!mediators[code]) ctx.api.core.get('/programme-roles/grants', { programme: 'mediation', node: code })
            .then((r) => { mediators[code] = r.filter((g) => g.role === 'MEDIATOR'); }).catch(() => { mediators[code] = []; });
        };
        const addPairing = async (e) => {
          e.preventDefault();
          const ok = await pairForm.run(() => ctx.api.post('/pairings', {
            community: pair.community, mediator: pair.mediator || null, mediatorName: pair.mediatorName,
            mediatorPhone: pair.mediatorPhone.trim() || null, leader: pair.leader === '' ? null : Number(pair.leader), since: pair.since || null,
          }));
          if (ok) { toast(tr(`已结对：${ok.mediatorName} — ${ok.leaderName}`, `Paired: ${ok.mediatorName} — ${ok.leaderName}`)); Object.assign(pair, { leader: '' }); pairings.reload(); }
        };
        const endPairing = async (p) => {
          const sure = await confirmAction({ title: tr('结束结对', 'End the pairing?'),
            body: tr(`${p.mediatorName} 与 ${p.leaderName || ''} 的结对将于今天结束，记录保留；此后该楼门栋长不能再以此结对登记排查。`,
              `The pairing of ${p.mediatorName} with ${p.leaderName || ''} ends today and is kept on record; the leader records no more disputes through it.`),
            ok: tr('结束结对', 'End it') });
          if (!sure) return;
          const ok = await ctx.api.post(`/pairings/${p.id}/end`, { endedOn: i18n.today() }).catch((err) => { toast(err.text || String(err), 'danger'); return null; });
          if (ok) { toast(tr('结对已结束', 'Pairing ended')); pairings.reload(); }
        };
        const pairingsCard = () => html`<section class="card mb-3" aria-labelledby="md-pairings-h"><div class="card-body">
          <h2 class="card-title h5" id="md-pairings-h">${casework.value || isStaff ? tr('调解员与楼门栋长结对', 'Mediators paired with leaders') : tr('我的结对调解员', 'My paired mediator')}</h2>
          ${loaded(pairings, () => (!pairings.data.length ? html`<${Empty} text=${isStreet ? tr('还没有结对，请在下方添加。', 'No pairing yet: add one below.')
            : tr('还没有结对。', 'No pairing yet.')} />` : html`<ul class="list-group" data-testid="md-pairings">${pairings.data.map((p) => html`
              <li class="list-group-item d-flex flex-column flex-md-row gap-2 align-items-md-center" key=${p.id}>
                <div class="flex-grow-1"><span class="fw-semibold">${p.mediatorName}</span>${p.mediatorPhone ? html` <span class="text-body-secondary">${p.mediatorPhone}</span>` : null}${' — '}${p.leaderName || '#' + p.leader}
                  <div class="small text-body-secondary">${communityName(p.community)} · ${date(p.since)} – ${p.active ? tr('至今', 'now') : date(p.endedOn)}${p.endReason ? ' · ' + p.endReason : ''}</div></div>
                ${p.active ? badge(tr('结对中', 'Active'), 'success') : badge(tr('已结束', 'Ended'), 'secondary')}
                ${isStreet && p.active ? html`<button type="button" class="btn btn-outline-danger btn-lg text-nowrap" data-testid=${'md-end-' + p.id}
                  aria-label=${tr(`结束结对 ${p.id}`, `End pairing ${p.id}`)} onClick=${() => endPairing(p)}>${tr('结束', 'End')}</button>` : null}
              </li>`)}</ul>`))}
          ${isStreet ? html`<h3 class="h6 mt-4">${tr('新增结对', 'New pairing')}</h3>
            <form class="row g-2" onSubmit=${addPairing} novalidate data-testid="md-pairing-form">
              <${Field} col="col-12 col-md-4" label=${tr('社区', 'Community')} required error=${pairForm.err('community')}>${
                select(pair, 'community', 'md-community', (communities.data || []).map((c) => ({ value: c.code, label: c.name })), tr('请选择社区', 'Choose a community'), pickCommunity)}<//>
              <${Field} col="col-12 col-md-4" label=${tr('调解员账号', 'Mediator account')} required error=${pairForm.err('mediator')}
                help=${pair.community && mediators[pair.community] && !mediators[pair.community].length ? tr('本社区还没有人民调解员：先在“账号”中授予角色', 'No mediator here yet: grant the role on the accounts page first') : ''}>${
                select(pair, 'mediator', 'md-mediator', (mediators[pair.community] || []).map((g) => ({ value: g.username, label: g.username })), tr('请选择', 'Choose'))}<//>
              <${Field} col="col-12 col-md-4" label=${tr('楼门栋长', 'Building leader')} required error=${pairForm.err('leader')}>${
                select(pair, 'leader', 'md-leader', (leaders[pair.community] || []).map((l) => ({ value: l.id, label: l.name })), tr('请选择楼门栋长', 'Choose a leader'))}<//>
              <${Field} col="col-12 col-md-4" label=${tr('调解员姓名', 'Mediator name')} required error=${pairForm.err('mediatorName')}>${input(pair, 'mediatorName', 'md-mediatorName', 'text', { maxlength: 40, autocomplete: 'off' })}<//>
              <${Field} col="col-12 col-md-4" label=${tr('调解员手机号', 'Mediator mobile')} error=${pairForm.err('mediatorPhone')}
                help=${tr('选填；列表中只显示部分号码', 'Optional; lists show it masked')}>${input(pair, 'mediatorPhone', 'md-mediatorPhone', 'tel', { maxlength: 11, inputmode: 'numeric', autocomplete: 'off' })}<//>
              <${Field} col="col-12 col-md-4" label=${tr('结对日期', 'Since')} error=${pairForm.err('since')}>${input(pair, 'since', 'md-since', 'date', { max: i18n.today() })}<//>
              <div class="col-12 d-grid d-md-block">${generalError(pairForm)}
                <${BusyButton} type="submit" size="lg" busy=${pairForm.busy} testid="md-add-pairing">${tr('结对', 'Pair')}<//></div>
            </form>` : null}
        </div></section>`;

        // ---- statistics of the street (numbers in a table; two decimals as the API gives them) ----
        const num = (v) => (v == null ? '—' : i18n.fmtNumber(v));
        const statsCard = () => (!isStaff || !stats.data ? null : html`<section class="card mb-3" aria-labelledby="md-stats-h" data-testid="md-stats"><div class="card-body">
          <h2 class="card-title h5" id="md-stats-h">${tr('调解统计', 'Mediation statistics')}</h2>
          <div class="row g-2 mb-3 text-center">
            ${[['案件', 'Cases', stats.data.cases], ['达成协议', 'Agreed', stats.data.agreed], ['移交', 'Referred', stats.data.referred],
              ['办理中', 'Open', stats.data.open], ['逾期', 'Overdue', stats.data.overdue],
              ['结案天数中位数', 'Median days to close', stats.data.medianDaysToClose], ['平均结案天数', 'Mean days to close', stats.data.meanDaysToClose]]
              .map((x) => html`<div class="col-6 col-md"><div class="border rounded p-2"><div class="fs-4 fw-semibold">${num(x[2])}</div><div class="small">${tr(x[0], x[1])}</div></div></div>`)}
          </div>
          <${ui.DataTable} rowKey="category" rows=${stats.data.byCategory} empty=${tr('还没有案件。', 'No case yet.')} columns=${[
            { key: 'category', label: tr('纠纷类别', 'Category'), cell: (r) => named(CATEGORIES, r.category) },
            { key: 'total', label: tr('案件', 'Cases'), sortable: true },
            { key: 'agreed', label: tr('达成协议', 'Agreed'), sortable: true },
            { key: 'referred', label: tr('移交', 'Referred'), sortable: true },
            { key: 'open', label: tr('办理中', 'Open'), sortable: true },
          ]} />
          <p class="small text-body-secondary mt-2 mb-0">${tr('结案天数：从受理到达成协议或移交。', 'Days to close: from acceptance to the agreement or referral.')}</p>
        </div></section>`);

        const jumps = () => html`<nav class="d-flex flex-wrap gap-2 mb-3" aria-label=${tr('本页各部分', 'Parts of this page')}>
          ${[[casework.value, 'md-cases-h', '案件', 'Cases'], [!forbidden(rounds), 'md-rounds-h', '排查', 'Screening'], [true, 'md-pairings-h', '结对', 'Pairings']]
            .filter((x) => x[0]).map((x) => html`<button type="button" class="btn btn-outline-dark btn-lg"
              onClick=${() => { const h = element.querySelector('#' + x[1]); if (h) h.scrollIntoView({ block: 'start' }); }}>${tr(x[2], x[3])}</button>`)}
        </nav>`;

        return () => html`
          <div data-testid="mediation-page" class="mediation">
            <p class="text-body-secondary">${tr(`${ctx.streetName}的人民调解员与楼门栋长结对，排查化解邻里矛盾纠纷。`,
              `Mediators of ${ctx.streetName} paired with building leaders, who screen and settle disputes.`)}</p>
            ${jumps()}
            ${statsCard()}
            ${overdueCard()}
            ${caseCard()}
            ${casesCard()}
            ${screeningCard()}
            ${reportsCard()}
            ${newCaseCard()}
            ${pairingsCard()}
          </div>`;
      },
    });

    const app = vue.createApp(Page);
    app.mount(element);
    return () => app.unmount();
  },
};
