// 人民调解结对 — the programme's console page (ProgrammeDefinition.consoleResources = "/console"). The console loads
// this module from the bundle and calls mount(element, ctx); ctx.api reaches this programme's routes, ctx.api.core the
// rest of the API, ctx.ui/html/vue give the console's look. What a user may do follows the routes' roles
// (Mediation.routes): the street pairs mediators with leaders; staff of a community open and close its cases.
const KINDS = [
  ['NEIGHBOURS', '邻里纠纷', 'Between neighbours'],
  ['FAMILY', '家庭纠纷', 'Family'],
  ['PROPERTY_MANAGEMENT', '物业纠纷', 'Property management'],
  ['OTHER', '其他', 'Other'],
];
const STATUSES = [
  ['OPEN', '调解中', 'Being mediated', 'warning'],
  ['MEDIATED', '调解成功', 'Settled', 'success'],
  ['REFERRED', '已移交司法所/法院', 'Referred to the justice office or court', 'secondary'],
];
/** Who may pair a mediator with a leader: the street's decision (POST /pairings). */
const PAIRING_ROLES = ['DISTRICT_ADMIN', 'STREET_ADMIN'];

export default {
  mount(element, ctx) {
    const { html, vue, ui, i18n, tr } = ctx;
    const { defineComponent, reactive, ref, computed, nextTick, watch } = vue;
    const { DataTable, Field, FilterBar, BusyButton, ErrorAlert, Loading, useLoad, useForm, toast, options, badge,
      confirmAction } = ui;

    const kindName = (k) => { const x = KINDS.find((e) => e[0] === k); return x ? tr(x[1], x[2]) : k; };
    const statusOf = (s) => STATUSES.find((e) => e[0] === s);
    const statusBadge = (s) => { const x = statusOf(s); return x ? badge(tr(x[1], x[2]), x[3]) : s; };
    /** Whether the user holds one of the roles at a node covering the street (or inside it). */
    const holds = (roles) => ctx.user.bindings.some((b) => roles.includes(b.role)
      && (ctx.street.startsWith(b.node) || b.node.startsWith(ctx.street)));
    const coversStreet = ctx.user.bindings.some((b) => ['DISTRICT_ADMIN', 'STREET_ADMIN'].includes(b.role)
      && ctx.street.startsWith(b.node));
    /** The communities the user works in: all of the street's for its admins, else those of their bindings. */
    const mine = (list) => (coversStreet ? list
      : list.filter((c) => ctx.user.bindings.some((b) => b.node.startsWith(c.code) || c.code.startsWith(b.node))));

    const Page = defineComponent({
      setup() {
        const canPair = holds(PAIRING_ROLES);
        const communities = useLoad(() => ctx.api.core.get(`/public/streets/${ctx.street}/communities`));
        const pairings = useLoad(() => ctx.api.get('/pairings'));
        const filter = reactive({ status: '' });
        const cases = useLoad(() => ctx.api.get('/cases', { status: filter.status }));

        // leaders by community, fetched once each (names for the pairings, choices for a new pairing)
        const leaders = reactive({});
        const loadLeaders = (community) => {
          if (!community || leaders[community]) return;
          leaders[community] = { items: null, error: null };
          ctx.api.core.get('/leaders', { community, size: 200, sort: 'name' })
            .then((r) => { leaders[community].items = r.items; })
            .catch((e) => { leaders[community].error = e; });
        };
        const leaderLabel = (l) => {
          const a = (l.assignments || []).find((x) => !x.end) || (l.assignments || [])[0];
          const place = a ? [a.buildingLabel, a.unitLabel].filter(Boolean).join(' ') : '';
          return place ? `${l.name}（${place}）` : l.name;
        };
        watch(() => pairings.data, (list) => (list || []).forEach((p) => loadLeaders(p.community)));
        const leaderName = (p) => {
          const found = ((leaders[p.community] || {}).items || []).find((l) => l.id === p.leader);
          return found ? found.name : `#${p.leader}`;
        };
        const communityName = (code) => ((communities.data || []).find((c) => c.code === code) || {}).name || code;
        const pairingById = (id) => (pairings.data || []).find((p) => p.id === id);
        const pairingLabel = (p) => `${communityName(p.community)} · ${p.mediatorName} — ${leaderName(p)}`;

        // a new pairing (street admin)
        const pair = reactive({ community: '', leader: '', mediatorName: '', mediatorPhone: '', since: i18n.today() });
        const pairForm = useForm();
        const pickCommunity = (code) => { pair.community = code; pair.leader = ''; loadLeaders(code); };
        const addPairing = async (e) => {
          e.preventDefault();
          const ok = await pairForm.run(() => ctx.api.post('/pairings', {
            community: pair.community, leader: pair.leader === '' ? null : Number(pair.leader),
            mediatorName: pair.mediatorName, mediatorPhone: pair.mediatorPhone.trim(), since: pair.since || null,
          }));
          if (ok) {
            toast(tr(`已结对：${ok.mediatorName}`, `Paired: ${ok.mediatorName}`));
            Object.assign(pair, { leader: '', mediatorName: '', mediatorPhone: '' });
            pairings.reload();
          }
        };

        // a new case
        const kase = reactive({ pairing: '', kind: '', summary: '', openedOn: i18n.today() });
        const caseForm = useForm();
        const openCase = async (e) => {
          e.preventDefault();
          const ok = await caseForm.run(() => ctx.api.post('/cases', {
            pairing: kase.pairing === '' ? null : Number(kase.pairing), kind: kase.kind || null,
            summary: kase.summary, openedOn: kase.openedOn || null,
          }));
          if (ok) {
            toast(tr('已登记纠纷案件', 'Case opened'));
            Object.assign(kase, { kind: '', summary: '' });
            cases.reload();
          }
        };

        // closing a case: outcome, day and note, after a confirmation
        const closing = ref(null);
        const close = reactive({ outcome: 'MEDIATED', closedOn: i18n.today(), note: '' });
        const closeForm = useForm();
        const startClosing = (row) => {
          closing.value = row;
          Object.assign(close, { outcome: 'MEDIATED', closedOn: i18n.today(), note: '' });
          closeForm.error = null; closeForm.fields = {};
          nextTick(() => {
            const first = element.querySelector('[data-testid=md-outcome]');
            if (first) { first.scrollIntoView({ block: 'center' }); first.focus(); }
          });
        };
        const closeCase = async (e) => {
          e.preventDefault();
          const row = closing.value;
          const outcome = statusOf(close.outcome);
          const sure = await confirmAction({
            title: tr('确认结案', 'Close the case?'),
            body: tr(`案件「${row.summary}」将以“${outcome[1]}”结案，结案后不能再更改。`,
              `The case “${row.summary}” will be closed as “${outcome[2]}”; this cannot be changed afterwards.`),
            ok: tr('结案', 'Close the case'),
          });
          if (!sure) return;
          const ok = await closeForm.run(() => ctx.api.post(`/cases/${row.id}/closing`, {
            outcome: close.outcome, closedOn: close.closedOn || null, note: close.note.trim() || null,
          }));
          if (ok) {
            toast(tr('已结案', 'Case closed'));
            closing.value = null;
            cases.reload();
          }
        };

        const input = (obj, key, testid, type = 'text', extra = {}) => ({ id, invalid, describedBy }) => html`<input id=${id}
          type=${type} class=${'form-control' + (invalid ? ' is-invalid' : '')} aria-describedby=${describedBy}
          data-testid=${testid} value=${obj[key]} onInput=${(e) => { obj[key] = e.target.value; }} ...${extra} />`;
        const select = (obj, key, testid, list, blank, onPick) => ({ id, invalid, describedBy }) => html`<select id=${id}
          class=${'form-select' + (invalid ? ' is-invalid' : '')} aria-describedby=${describedBy} data-testid=${testid}
          onChange=${(e) => (onPick ? onPick(e.target.value) : (obj[key] = e.target.value))}>
          ${options(list, obj[key], blank)}</select>`;
        const generalError = (f) => (f.error && !f.error.field ? html`<${ErrorAlert} error=${f.error} />` : null);

        const communityChoices = computed(() => mine(communities.data || []).map((c) => ({ value: c.code, label: c.name })));
        const leaderChoices = computed(() => (((leaders[pair.community] || {}).items) || [])
          .map((l) => ({ value: l.id, label: leaderLabel(l) })));
        const pairingChoices = computed(() => (pairings.data || []).map((p) => ({ value: p.id, label: pairingLabel(p) })));
        const kindChoices = computed(() => KINDS.map((k) => ({ value: k[0], label: tr(k[1], k[2]) })));
        const statusChoices = computed(() => STATUSES.map((s) => ({ value: s[0], label: tr(s[1], s[2]) })));
        const outcomeChoices = computed(() => STATUSES.filter((s) => s[0] !== 'OPEN')
          .map((s) => ({ value: s[0], label: tr(s[1], s[2]) })));

        const pairingsCard = () => html`<section class="card mb-3" aria-labelledby="md-pairings-h"><div class="card-body">
          <h2 class="card-title" id="md-pairings-h">${tr('调解员与楼门栋长结对', 'Mediators paired with leaders')}</h2>
          ${pairings.error ? html`<${ErrorAlert} error=${pairings.error} />` : !pairings.data ? html`<${Loading} />` : html`
            <${DataTable} rows=${pairings.data}
              empty=${canPair ? tr('还没有结对，请在下方添加。', 'No pairing yet: add one below.')
                : tr('街道还没有安排结对。', 'The street has not paired anyone yet.')}
              columns=${[
                { key: 'community', label: tr('社区', 'Community'), sortable: true, cell: (r) => communityName(r.community),
                  sortValue: (r) => communityName(r.community) },
                { key: 'mediatorName', label: tr('调解员', 'Mediator'), sortable: true },
                { key: 'mediatorPhone', label: tr('调解员电话', 'Mediator phone') },
                { key: 'leader', label: tr('结对楼门栋长', 'Paired leader'), cell: (r) => leaderName(r) },
                { key: 'since', label: tr('结对日期', 'Since'), sortable: true, cell: (r) => i18n.fmtDate(r.since) },
              ]} />`}
          ${canPair ? html`<h3 class="h6 mt-4">${tr('新增结对', 'New pairing')}</h3>
            <form class="row g-2" onSubmit=${addPairing} novalidate data-testid="md-pairing-form">
              <${Field} col="col-12 col-md-4" label=${tr('社区', 'Community')} required error=${pairForm.err('community')}>${
                select(pair, 'community', 'md-community', communityChoices.value, tr('请选择社区', 'Choose a community'), pickCommunity)}<//>
              <${Field} col="col-12 col-md-4" label=${tr('楼门栋长', 'Building leader')} required error=${pairForm.err('leader')}
                help=${!pair.community ? tr('先选择社区', 'Choose the community first')
                  : (leaders[pair.community] || {}).items && !leaderChoices.value.length ? tr('本社区还没有楼门栋长', 'The community has no leader yet') : ''}>${
                select(pair, 'leader', 'md-leader', leaderChoices.value, tr('请选择楼门栋长', 'Choose a leader'))}<//>
              <${Field} col="col-12 col-md-4" label=${tr('结对日期', 'Since')} error=${pairForm.err('since')}>${
                input(pair, 'since', 'md-since', 'date', { max: i18n.today() })}<//>
              <${Field} col="col-12 col-md-4" label=${tr('调解员姓名', 'Mediator name')} required error=${pairForm.err('mediatorName')}>${
                input(pair, 'mediatorName', 'md-mediatorName', 'text', { maxlength: 40, autocomplete: 'off' })}<//>
              <${Field} col="col-12 col-md-4" label=${tr('调解员手机号', 'Mediator mobile')} required error=${pairForm.err('mediatorPhone')}
                help=${tr('11 位手机号；列表中只显示部分号码', '11 digits; lists show it masked')}>${
                input(pair, 'mediatorPhone', 'md-mediatorPhone', 'tel', { maxlength: 11, inputmode: 'numeric', autocomplete: 'off' })}<//>
              <div class="col-12">${generalError(pairForm)}
                <${BusyButton} type="submit" busy=${pairForm.busy} testid="add-pairing">${tr('结对', 'Pair')}<//></div>
            </form>` : null}
        </div></section>`;

        const casesCard = () => html`<section class="card mb-3" aria-labelledby="md-cases-h"><div class="card-body">
          <h2 class="card-title" id="md-cases-h">${tr('矛盾纠纷案件', 'Dispute cases')}</h2>
          <${FilterBar} onSearch=${() => cases.reload()} onReset=${() => { filter.status = ''; cases.reload(); }}>
            <${Field} col="col-12 col-sm-6 col-md-4" label=${tr('状态', 'Status')}>${({ id }) => html`<select id=${id}
              class="form-select" data-testid="md-status" onChange=${(e) => { filter.status = e.target.value; cases.reload(); }}>
              ${options(statusChoices.value, filter.status, tr('全部', 'All'))}</select>`}<//>
          <//>
          ${cases.error ? html`<${ErrorAlert} error=${cases.error} />` : !cases.data ? html`<${Loading} />` : html`
            <${DataTable} rows=${cases.data}
              empty=${filter.status ? tr('没有此状态的案件。', 'No case in this state.') : tr('还没有登记案件。', 'No case recorded yet.')}
              columns=${[
                { key: 'openedOn', label: tr('立案日期', 'Opened'), sortable: true, cell: (r) => i18n.fmtDate(r.openedOn) },
                { key: 'community', label: tr('社区', 'Community'), cell: (r) => communityName(r.community) },
                { key: 'pairing', label: tr('调解员', 'Mediator'), cell: (r) => (pairingById(r.pairing) || {}).mediatorName || `#${r.pairing}` },
                { key: 'kind', label: tr('类型', 'Kind'), cell: (r) => kindName(r.kind) },
                { key: 'summary', label: tr('纠纷概要', 'Summary'), class: 'text-break' },
                { key: 'status', label: tr('状态', 'Status'), cell: (r) => statusBadge(r.status) },
                { key: 'closedOn', label: tr('结案', 'Closed'), cell: (r) => (r.closedOn
                  ? html`<span>${i18n.fmtDate(r.closedOn)}</span>${r.note ? html`<div class="small text-body-secondary">${r.note}</div>` : null}` : '—') },
                { key: 'actions', label: tr('操作', 'Actions'), cell: (r) => (r.status === 'OPEN' ? html`<button type="button"
                  class="btn btn-sm btn-outline-primary text-nowrap" data-testid=${'close-case-' + r.id} onClick=${() => startClosing(r)}
                  aria-label=${tr(`结案：${r.summary}`, `Close: ${r.summary}`)}>${tr('结案', 'Close')}</button>` : null) },
              ]} />`}
        </div></section>`;

        const closingCard = () => (closing.value ? html`<section class="card mb-3 border-primary" aria-labelledby="md-closing-h"><div class="card-body">
          <h2 class="card-title" id="md-closing-h">${tr(`结案：${closing.value.summary}`, `Close the case: ${closing.value.summary}`)}</h2>
          <p class="text-body-secondary small">${tr(`立案于 ${i18n.fmtDate(closing.value.openedOn)}；结案日期须在立案日与今天之间。`,
            `Opened on ${i18n.fmtDate(closing.value.openedOn)}; the closing day lies between then and today.`)}</p>
          <form class="row g-2" onSubmit=${closeCase} novalidate>
            <${Field} col="col-12 col-md-4" label=${tr('结果', 'Outcome')} required error=${closeForm.err('outcome')}>${
              select(close, 'outcome', 'md-outcome', outcomeChoices.value, null)}<//>
            <${Field} col="col-12 col-md-4" label=${tr('结案日期', 'Closed on')} required error=${closeForm.err('closedOn')}>${
              input(close, 'closedOn', 'md-closedOn', 'date', { min: closing.value.openedOn, max: i18n.today() })}<//>
            <${Field} col="col-12" label=${tr('说明', 'Note')} error=${closeForm.err('note')}>${({ id, invalid, describedBy }) => html`
              <textarea id=${id} class=${'form-control' + (invalid ? ' is-invalid' : '')} rows="2" maxlength="500"
                aria-describedby=${describedBy} data-testid="md-note" value=${close.note}
                onInput=${(e) => { close.note = e.target.value; }}></textarea>`}<//>
            <div class="col-12 d-flex flex-wrap gap-2">${generalError(closeForm)}
              <${BusyButton} type="submit" busy=${closeForm.busy} testid="submit-closing">${tr('结案', 'Close the case')}<//>
              <button type="button" class="btn btn-outline-secondary" onClick=${() => { closing.value = null; }}>${tr('取消', 'Cancel')}</button></div>
          </form>
        </div></section>` : null);

        const openCard = () => html`<section class="card mb-3" aria-labelledby="md-open-h"><div class="card-body">
          <h2 class="card-title" id="md-open-h">${tr('登记纠纷案件', 'Open a case')}</h2>
          ${pairings.data && !pairings.data.length ? html`<p class="text-body-secondary mb-0">${tr('有了结对才能登记案件。',
            'Cases are recorded by a pairing: there is none yet.')}</p>` : html`
          <form class="row g-2" onSubmit=${openCase} novalidate data-testid="md-case-form">
            <${Field} col="col-12 col-md-6" label=${tr('结对', 'Pairing')} required error=${caseForm.err('pairing')}>${
              select(kase, 'pairing', 'md-case-pairing', pairingChoices.value, tr('请选择结对', 'Choose a pairing'))}<//>
            <${Field} col="col-6 col-md-3" label=${tr('纠纷类型', 'Kind')} required error=${caseForm.err('kind')}>${
              select(kase, 'kind', 'md-kind', kindChoices.value, tr('请选择', 'Choose'))}<//>
            <${Field} col="col-6 col-md-3" label=${tr('立案日期', 'Opened on')} required error=${caseForm.err('openedOn')}>${
              input(kase, 'openedOn', 'md-openedOn', 'date', { max: i18n.today() })}<//>
            <${Field} col="col-12" label=${tr('纠纷概要', 'Summary')} required error=${caseForm.err('summary')}
              help=${tr('不超过 500 字', 'At most 500 characters')}>${({ id, invalid, describedBy }) => html`
              <textarea id=${id} class=${'form-control' + (invalid ? ' is-invalid' : '')} rows="2" maxlength="500"
                aria-describedby=${describedBy} data-testid="md-summary" value=${kase.summary}
                onInput=${(e) => { kase.summary = e.target.value; }}></textarea>`}<//>
            <div class="col-12">${generalError(caseForm)}
              <${BusyButton} type="submit" busy=${caseForm.busy} testid="open-case">${tr('登记', 'Open the case')}<//></div>
          </form>`}
        </div></section>`;

        return () => html`
          <div data-testid="mediation-page">
            <p class="text-body-secondary">${tr(`${ctx.streetName}的人民调解员与楼门栋长结对，排查化解邻里矛盾纠纷。`,
              `Mediators of ${ctx.streetName} paired with building leaders, who screen and settle disputes.`)}</p>
            ${pairingsCard()}
            ${casesCard()}
            ${closingCard()}
            ${openCard()}
          </div>`;
      },
    });

    const app = vue.createApp(Page);
    app.mount(element);
    return () => app.unmount();
  },
};
