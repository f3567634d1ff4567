// 关怀走访: the households of my units (or my building) with a care plan, due or overdue first (said in words), and
// recording a visit (the existing POST /households/{household}/visits).
import { html, defineComponent, reactive } from '../../lib.js';
import { tr, fmtDate, today } from '../../i18n.js';
import { api } from '../../api.js';
import { GROUP } from '../../widgets/work-common.js';
import { toast } from '../../ui.js';
import { SectionHead, problem, loading } from './kit.js';

const Visit = defineComponent({
  props: { item: Object, onDone: Function, onCancel: Function },
  setup(props) {
    const v = reactive({ visitedOn: today(), note: '', busy: false, error: null, fields: {} });
    const submit = async (e) => {
      e.preventDefault();
      v.fields = {};
      if (!v.note.trim()) { v.fields.note = tr('请简单写下走访情况', 'Write a few words about the visit'); return; }
      v.busy = true; v.error = null;
      try {
        await api.post(`/households/${props.item.household}/visits`, { visitedOn: v.visitedOn, note: v.note.trim() });
        toast(tr('走访已记录', 'Visit recorded'));
        props.onDone();
      } catch (err) {
        if (err.field) v.fields = { [err.field]: err.text }; else v.error = err;
      } finally { v.busy = false; }
    };
    const err = (k) => (v.fields[k] ? html`<div class="invalid-feedback d-block" role="alert">${tr('错误：', 'Error: ')}${v.fields[k]}</div>` : null);
    return () => html`<form class="mt-2" novalidate onSubmit=${submit} data-testid="ws-visit-form">
      ${problem(v.error)}
      <div class="mb-3"><label class="form-label" for="cv-day">${tr('走访日期', 'Visited on')}</label>
        <input id="cv-day" type="date" class="form-control" max=${today()} value=${v.visitedOn} onInput=${(e) => { v.visitedOn = e.target.value; }} />${err('visitedOn')}</div>
      <div class="mb-3"><label class="form-label" for="cv-note">${tr('走访情况', 'How it went')} <span class="text-danger">*</span></label>
        <textarea id="cv-note" class="form-control" rows="3" maxlength="1000" data-testid="ws-visit-note" value=${v.note} onInput=${(e) => { v.note = e.target.value; }}></textarea>${err('note')}</div>
      <div class="d-flex flex-wrap gap-2">
        <button type="submit" class="btn btn-primary" disabled=${v.busy} data-testid="ws-visit-save">${tr('保存走访', 'Save the visit')}</button>
        <button type="button" class="btn btn-outline-dark" onClick=${() => props.onCancel()}>${tr('取消', 'Cancel')}</button></div>
    </form>`;
  },
});

export default defineComponent({
  setup() {
    const s = reactive({ list: null, error: null, open: null });
    const load = () => api.get('/me/care').then((l) => {
      s.list = [...l].sort((a, b) => (b.overdue - a.overdue) || String(a.dueOn).localeCompare(String(b.dueOn)));
    }).catch((e) => { s.error = e; });
    load();
    return () => html`<div>
      <${SectionHead} title=${tr('关怀走访', 'Care visits')} />
      <p>${tr('需要定期看望的住户，最该去的排在前面。', 'Households to visit regularly; the most urgent first.')}</p>
      ${problem(s.error)}
      ${!s.list ? (s.error ? null : loading()) : !s.list.length ? html`<p class="section">${tr('您负责的楼门没有需要定期走访的住户。', 'No household of your places has a visit plan.')}</p>`
        : html`<ul class="list-easy section" data-testid="ws-care">${s.list.map((c) => html`<li key=${c.household} data-household=${c.household}>
          <div class="row-title">${c.unitLabel} ${c.room}　${c.headName || ''}</div>
          <div class="d-flex flex-wrap gap-1 mb-1">${(c.groups || []).map((g) => GROUP.badge(g.code))}</div>
          <div>${c.overdue ? html`<strong class="text-danger">${tr('已超期：', 'Overdue: ')}</strong>` : tr('下次走访：', 'Next visit: ')}${tr(`应在 ${fmtDate(c.dueOn)} 前`, `by ${fmtDate(c.dueOn)}`)}</div>
          <div class="small text-body-secondary">${c.lastVisitOn ? tr(`上次走访 ${fmtDate(c.lastVisitOn)}`, `Last visit ${fmtDate(c.lastVisitOn)}`) : tr('还没有走访记录', 'Not visited yet')}</div>
          ${s.open === c.household ? html`<${Visit} item=${c} onDone=${() => { s.open = null; load(); }} onCancel=${() => { s.open = null; }} />`
            : html`<button type="button" class="btn btn-outline-primary mt-1" data-testid="ws-visit" onClick=${() => { s.open = c.household; }}>${tr('记录走访', 'Record a visit')}</button>`}
        </li>`)}</ul>`}
    </div>`;
  },
});
