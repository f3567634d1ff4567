// 楼门议事: unit consultations (将社区各项涉及居民利益工作搬到楼门栋间，广泛集民意汇民智). The community opens a
// question for a unit or building (options or free answers, a period); each household answers once, with the code on
// its slip or at the door through its leader; results, the households' codes for the slips, and what it led to.
import { html, defineComponent, reactive, ref } from '../lib.js';
import { tr, fmtDate, fmtNumber, today } from '../i18n.js';
import { api } from '../api.js';
import { scope, scopeCommunity } from '../auth.js';
import { route, setQuery } from '../router.js';
import { PageHeader, FilterBar, Field, options, ErrorAlert, BusyButton, DataTable, badge, toast, useLoad, useForm, confirmAction } from '../ui.js';
import { PlacePicker, effectivePlace, TableCard, daysFrom } from '../widgets/work-common.js';

const OPENERS = ['DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY'];

const NewConsultation = defineComponent({
  props: { onDone: Function, onCancel: Function },
  setup(props) {
    const v = reactive({ street: '', community: '', place: '', question: '', kind: 'OPTIONS', options: '同意\n不同意', closesOn: daysFrom(today(), 14) });
    const places = ref([]);
    const form = useForm();
    const loadPlaces = async () => {
      const c = scopeCommunity.value || v.community;
      const buildings = c ? await api.get(`/communities/${c}/buildings`).catch(() => []) : [];
      places.value = buildings.flatMap((b) => [{ value: b.code, label: `${b.label}（${tr('整栋', 'whole building')}）` },
        ...(b.units || []).map((u) => ({ value: u.code, label: b.label + u.label }))]);
    };
    loadPlaces();
    const submit = async (e) => {
      e.preventDefault();
      const c = scopeCommunity.value || v.community;
      if (!c) { form.fields = { community: tr('请选择社区', 'Choose a community') }; return; }
      const r = await form.run(() => api.post(`/communities/${c}/consultations`, { place: v.place, question: v.question.trim(), kind: v.kind,
        options: v.kind === 'OPTIONS' ? v.options.split('\n').map((o) => o.trim()).filter(Boolean) : [], opensOn: today(), closesOn: v.closesOn }));
      if (r) { toast(tr(`议事已发起，已为 ${r.households} 户生成户码`, `Opened; codes for ${r.households} households`)); props.onDone(r); }
    };
    return () => html`
      <form class="card card-body mb-3" novalidate onSubmit=${submit} data-testid="consultation-form">
        <h2 class="card-title h5">${tr('发起楼门议事', 'Open a consultation')}</h2>
        ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
        <div class="row g-2">
          <${PlacePicker} street=${v.street} community=${v.community} needCommunity errCommunity=${form.err('community')} testid="cs"
            onChange=${(x) => { v.street = x.street; v.community = x.community; v.place = ''; loadPlaces(); }} />
          <${Field} col="col-12 col-md-3" label=${tr('楼门或楼栋', 'Unit or building')} required error=${form.err('place')}>${({ id }) => html`
            <select id=${id} class="form-select" data-testid="consultation-place" onChange=${(e) => { v.place = e.target.value; }}>${options(places.value, v.place, tr('请选择', 'Choose'))}</select>`}<//>
          <${Field} col="col-12 col-md-3" label=${tr('截止日期', 'Closes on')} required error=${form.err('closesOn')}>${({ id }) => html`
            <input id=${id} type="date" class="form-control" min=${today()} value=${v.closesOn} onInput=${(e) => { v.closesOn = e.target.value; }} />`}<//>
          <${Field} col="col-12" label=${tr('议题', 'Question')} required error=${form.err('question')}>${({ id }) => html`
            <input id=${id} class="form-control" maxlength="200" data-testid="consultation-question" value=${v.question} onInput=${(e) => { v.question = e.target.value; }} />`}<//>
          <${Field} col="col-12 col-md-3" label=${tr('回答方式', 'Answers')} required error=${form.err('kind')}>${({ id }) => html`
            <select id=${id} class="form-select" onChange=${(e) => { v.kind = e.target.value; }}>${options([{ value: 'OPTIONS', label: tr('选项', 'Options') }, { value: 'FREE', label: tr('自由回答', 'Free answers') }], v.kind)}</select>`}<//>
          ${v.kind === 'OPTIONS' ? html`<${Field} col="col-12 col-md-9" label=${tr('选项（每行一个，2 至 8 个）', 'Options (one a line, 2 to 8)')} required error=${form.err('options')}>${({ id }) => html`
            <textarea id=${id} class="form-control" rows="3" value=${v.options} onInput=${(e) => { v.options = e.target.value; }}></textarea>`}<//>` : null}
        </div>
        <div class="d-flex gap-2 mt-2">
          <${BusyButton} type="submit" busy=${form.busy} disabled=${!v.place || !v.question.trim()} testid="consultation-submit">${tr('发起', 'Open')}<//>
          <button type="button" class="btn btn-outline-secondary" onClick=${() => props.onCancel()}>${tr('取消', 'Cancel')}</button>
        </div>
      </form>`;
  },
});

/** One consultation: results, door-to-door answers, the households' codes, links, closing. */
const Detail = defineComponent({
  props: { id: Number, onChanged: Function },
  setup(props) {
    const c = useLoad(() => api.get(`/consultations/${props.id}`));
    const results = useLoad(() => api.get(`/consultations/${props.id}/results`));
    const codes = useLoad(() => api.get(`/consultations/${props.id}/codes`));
    const door = reactive({ household: '', choice: '', text: '' });
    const link = reactive({ kind: 'meeting', id: '' });
    const form = useForm();
    const linkForm = useForm();
    const reload = () => { c.reload(); results.reload(); codes.reload(); props.onChanged && props.onChanged(); };
    const answer = async (e) => {
      e.preventDefault();
      const kind = c.data.kind;
      const r = await form.run(() => api.post(`/consultations/${props.id}/answers`, { household: door.household ? Number(door.household) : null,
        choice: kind === 'OPTIONS' && door.choice !== '' ? Number(door.choice) : null, text: kind === 'FREE' ? door.text.trim() : null }));
      if (r) { toast(tr('已记录入户回答', 'Door-to-door answer recorded')); Object.assign(door, { household: '', choice: '', text: '' }); reload(); }
    };
    const addLink = async (e) => {
      e.preventDefault();
      const r = await linkForm.run(() => api.post(`/consultations/${props.id}/links`, { [link.kind]: link.id ? Number(link.id) : null }));
      if (r) { toast(tr('已关联', 'Linked')); link.id = ''; reload(); }
    };
    const close = async () => {
      if (!(await confirmAction({ title: tr('结束议事', 'Close the consultation'), body: tr('结束后不再接受回答，结果保留。', 'No more answers are taken; the results stay.'), ok: tr('结束', 'Close') }))) return;
      await api.post(`/consultations/${props.id}/close`).then(() => { toast(tr('议事已结束', 'Closed')); reload(); }).catch((e) => toast(e.text || String(e), 'danger'));
    };
    const codeColumns = [
      { key: 'unitLabel', label: () => tr('楼门', 'Unit') },
      { key: 'room', label: () => tr('房号', 'Room') },
      { key: 'code', label: () => tr('户码', 'Code'), cell: (k) => html`<span class="mono">${k.code}</span>` },
      { key: 'used', label: () => tr('是否已回答', 'Answered'), cell: (k) => (k.used ? badge(tr('已回答', 'Answered'), 'success') : badge(tr('未回答', 'Not yet'), 'secondary')) },
    ];
    return () => {
      const x = c.data;
      const r = results.data;
      if (!x) return c.error ? html`<${ErrorAlert} error=${c.error} />` : null;
      const waiting = (codes.data || []).filter((k) => !k.used);
      return html`<section class="card card-body mt-3" data-testid="consultation-detail" aria-labelledby="cs-q">
        <h2 id="cs-q" class="h5">${x.question}</h2>
        <p class="mb-2">${x.communityName} ${x.placeLabel} · ${fmtDate(x.opensOn)} — ${fmtDate(x.closesOn)} · ${x.open ? badge(tr('征询中', 'Open'), 'success') : badge(tr('已结束', 'Closed'), 'secondary')}</p>
        ${r ? html`<p class="fs-5 mb-2" data-testid="consultation-answered">${tr(`已回答 ${r.answered} / ${r.households} 户（户码 ${r.byCode}，入户 ${r.doorToDoor}）`,
          `${r.answered} of ${r.households} households answered (${r.byCode} by code, ${r.doorToDoor} at the door)`)}</p>
          ${r.kind === 'OPTIONS' ? html`<table class="table table-sm w-auto" data-testid="consultation-results"><caption class="visually-hidden">${tr('结果', 'Results')}</caption>
            <thead><tr><th scope="col">${tr('选项', 'Option')}</th><th scope="col" class="text-end">${tr('户数', 'Households')}</th></tr></thead>
            <tbody>${r.options.map((o) => html`<tr key=${o.choice}><td>${o.option}</td><td class="text-end figures">${fmtNumber(o.count)}</td></tr>`)}</tbody></table>`
            : html`<ul data-testid="consultation-results">${r.answers.map((a, i) => html`<li key=${i}>${a}</li>`)}</ul>`}` : null}
        ${(x.links || []).length ? html`<p class="mb-2">${tr('形成的后续：', 'Led to: ')}${x.links.map((l) => html`<a class="me-2" href=${l.kind === 'MEETING' ? '#/meetings/' + l.id : '#/reports/' + l.id}>${l.kind === 'MEETING' ? tr('例会', 'Meeting') : tr('问题时报', 'Report')} #${l.id}</a>`)}</p>` : null}
        ${x.open && scope.role === 'COMMUNITY_SECRETARY' && waiting.length ? html`<form class="border rounded p-2 mb-2" novalidate onSubmit=${answer} data-testid="door-form">
          <h3 class="h6">${tr('记录入户回答', 'Record a door-to-door answer')}</h3>
          ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
          <div class="row g-2">
            <${Field} col="col-12 col-md-4" label=${tr('住户', 'Household')} required error=${form.err('household')}>${({ id }) => html`
              <select id=${id} class="form-select" onChange=${(e) => { door.household = e.target.value; }}>${options(waiting.map((k) => ({ value: String(k.household), label: `${k.unitLabel || ''} ${k.room || ''}` })), door.household, tr('请选择', 'Choose'))}</select>`}<//>
            ${x.kind === 'OPTIONS' ? html`<${Field} col="col-12 col-md-4" label=${tr('回答', 'Answer')} required error=${form.err('choice')}>${({ id }) => html`
              <select id=${id} class="form-select" onChange=${(e) => { door.choice = e.target.value; }}>${options(x.options.map((o, i) => ({ value: String(i), label: o })), door.choice, tr('请选择', 'Choose'))}</select>`}<//>`
              : html`<${Field} col="col-12 col-md-8" label=${tr('回答', 'Answer')} required error=${form.err('text')}>${({ id }) => html`
              <input id=${id} class="form-control" maxlength="500" value=${door.text} onInput=${(e) => { door.text = e.target.value; }} />`}<//>`}
          </div>
          <${BusyButton} type="submit" busy=${form.busy} size="sm">${tr('记录', 'Record')}<//>
        </form>` : null}
        <form class="d-flex flex-wrap gap-2 align-items-end mb-2" novalidate onSubmit=${addLink} data-testid="link-form">
          <div><label class="form-label" for="cs-link-kind">${tr('关联后续', 'Link what it led to')}</label>
            <select id="cs-link-kind" class="form-select" onChange=${(e) => { link.kind = e.target.value; }}>${options([{ value: 'meeting', label: tr('例会编号', 'Meeting no.') }, { value: 'report', label: tr('问题时报编号', 'Report no.') }], link.kind)}</select></div>
          <div><label class="form-label" for="cs-link-id">${tr('编号', 'Number')}</label>
            <input id="cs-link-id" class="form-control" inputmode="numeric" value=${link.id} onInput=${(e) => { link.id = e.target.value; }} />
            ${linkForm.error ? html`<div class="invalid-feedback d-block" role="alert">${linkForm.error.text || String(linkForm.error)}</div>` : null}</div>
          <${BusyButton} type="submit" kind="outline-primary" busy=${linkForm.busy} disabled=${!link.id}>${tr('关联', 'Link')}<//>
          ${x.open && OPENERS.includes(scope.role) ? html`<button type="button" class="btn btn-outline-danger ms-auto" onClick=${close}>${tr('提前结束', 'Close now')}</button>` : null}
        </form>
        ${x.open && waiting.length ? html`<p class="mb-2"><a class="btn btn-outline-dark" href=${'#/print/consultation/' + props.id} data-testid="print-consultation-slips">${tr(`打印户码通知单（${waiting.length} 户）`, `Print code slips (${waiting.length} households)`)}</a></p>` : null}
        <details><summary>${tr('各户户码（打印发给住户）', 'The households’ codes (print for the slips)')}</summary>
          <${TableCard} busy=${codes.loading} label=${tr('户码', 'Codes')} testid="consultation-codes">
            <${DataTable} columns=${codeColumns} rows=${codes.data || []} rowKey="code" caption=${tr('户码', 'Codes')} /><//>
        </details>
      </section>`;
    };
  },
});

export default defineComponent({
  setup() {
    const f = reactive({ street: route.query.street || '', community: route.query.community || '' });
    const applied = reactive({ ...f });
    const creating = ref(false);
    const chosen = ref(route.query.id ? Number(route.query.id) : null);
    const list = useLoad(() => api.get('/consultations', effectivePlace(applied)));
    const search = () => { Object.assign(applied, f); setQuery({ ...applied }); list.reload(); };
    const reset = () => { Object.assign(f, { street: '', community: '' }); search(); };
    const columns = [
      { key: 'question', label: () => tr('议题', 'Question'), cell: (c) => html`<button type="button" class="btn btn-link p-0 text-start" data-testid="consultation-open" onClick=${() => { chosen.value = c.id; setQuery({ ...applied, id: c.id }); }}>${c.question}</button>` },
      { key: 'place', label: () => tr('地点', 'Place'), cell: (c) => `${c.communityName || ''} ${c.placeLabel}` },
      { key: 'closesOn', label: () => tr('截止', 'Closes'), cell: (c) => fmtDate(c.closedOn || c.closesOn) },
      { key: 'answered', label: () => tr('回答户数', 'Answered'), class: 'text-end figures', cell: (c) => `${c.answered} / ${c.households}` },
      { key: 'open', label: () => tr('状态', 'Status'), cell: (c) => (c.open ? badge(tr('征询中', 'Open'), 'success') : badge(tr('已结束', 'Closed'), 'secondary')) },
    ];
    return () => html`
      <div>
        <${PageHeader} title=${tr('楼门议事', 'Unit consultations')}>
          ${OPENERS.includes(scope.role) && !creating.value ? html`<button type="button" class="btn btn-primary" data-testid="consultation-new" onClick=${() => { creating.value = true; }}>＋ ${tr('发起议事', 'Open a consultation')}</button>` : null}
        <//>
        <p class="text-body-secondary">${tr('把涉及居民利益的事搬到楼门栋间商量：每户一票，凭户码在楼门页面回答，或由楼门栋长入户记录。', 'Matters of residents’ interest are put to each unit: one answer per household, by its code on the unit page or at the door through the leader.')}</p>
        ${creating.value ? html`<${NewConsultation} onDone=${(r) => { creating.value = false; list.reload(); chosen.value = r.id; }} onCancel=${() => { creating.value = false; }} />` : null}
        <${FilterBar} onSearch=${search} onReset=${reset}>
          <${PlacePicker} street=${f.street} community=${f.community} testid="csf" onChange=${(x) => { f.street = x.street; f.community = x.community; }} /><//>
        ${list.error ? html`<${ErrorAlert} error=${list.error} />` : null}
        <${TableCard} busy=${list.loading} label=${tr('楼门议事', 'Consultations')} testid="consultations">
          <${DataTable} columns=${columns} rows=${list.data || []} caption=${tr('楼门议事', 'Consultations')}
            empty=${tr('还没有议事。点“发起议事”为一个楼门或楼栋提出议题。', 'No consultations yet. Press “Open a consultation”.')} /><//>
        ${chosen.value ? html`<${Detail} key=${chosen.value} id=${chosen.value} onChanged=${() => list.reload()} />` : null}
      </div>`;
  },
});
