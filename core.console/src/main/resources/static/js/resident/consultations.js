// 楼门议事 on the unit page: the consultations of this unit and its building with their counts (never who answered,
// never the words of free answers), and answering one with the household's code from its slip (one answer a household).
import { html, defineComponent, reactive } from '../lib.js';
import { tr, fmtDate } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { Field, Busy, errorNote } from './parts.js';

const Answer = defineComponent({
  props: { onDone: Function },
  setup(props) {
    const v = reactive({ code: '', found: null, choice: '', text: '', busy: false, error: null, field: null, done: false });
    const look = async (e) => {
      if (e) e.preventDefault();
      Object.assign(v, { busy: true, error: null, field: null, found: null });
      try {
        v.found = await api.post('/public/consultations/lookup', { code: v.code.trim() });
      } catch (err) {
        if (err instanceof ApiError && err.field === 'code') v.field = err.text; else v.error = err;
      } finally { v.busy = false; }
    };
    // the QR code of a printed slip opens /u/UNIT#CODE: the code comes in the fragment (never sent to the server),
    // fills the form and leaves the address bar, as the ballot sheets' /v#CODE does
    const fromLink = decodeURIComponent((location.hash || '').replace(/^#/, '')).trim();
    if (/^[A-Za-z0-9-]{8,20}$/.test(fromLink)) {
      v.code = fromLink;
      history.replaceState(null, '', location.pathname + location.search);
      look().then(() => { const h = document.getElementById('consult-h'); if (h) h.scrollIntoView({ block: 'start' }); });
    }
    const send = async (e) => {
      e.preventDefault();
      Object.assign(v, { busy: true, error: null, field: null });
      try {
        await api.post('/public/consultations/answers', { code: v.code.trim(), choice: v.found.kind === 'OPTIONS' && v.choice !== '' ? Number(v.choice) : null,
          text: v.found.kind === 'FREE' ? v.text.trim() : null });
        v.done = true;
        props.onDone && props.onDone();
      } catch (err) {
        if (err instanceof ApiError && err.field) v.field = err.text; else v.error = err;
      } finally { v.busy = false; }
    };
    return () => {
      if (v.done) return html`<div class="note-ok" role="status" data-testid="consultation-thanks">${tr('谢谢！您家的意见已记下。', 'Thank you! Your household’s answer is in.')}</div>`;
      const q = v.found;
      if (!q) {
        return html`<form novalidate onSubmit=${look} data-testid="consultation-code-form">
          ${errorNote(v.error)}
          <${Field} label=${tr('户码', 'Household code')} required error=${v.field} help=${tr('楼门栋长发到您家的议事单上的 12 位户码', 'The 12-character code on the slip your leader gave your household')}>${({ id, describedBy }) => html`
            <input id=${id} class=${'form-control mono' + (v.field ? ' is-invalid' : '')} autocapitalize="characters" autocomplete="off" maxlength="20"
                   data-testid="consultation-code" aria-describedby=${describedBy} value=${v.code} onInput=${(e) => { v.code = e.target.value; }} />`}<//>
          <${Busy} busy=${v.busy} disabled=${!v.code.trim()} testid="consultation-code-submit">${tr('下一步', 'Next')}<//>
        </form>`;
      }
      if (q.answered || !q.open) {
        return html`<div class="note-info" role="status" data-testid="consultation-unavailable">${q.answered ? tr('您家已经回答过这个议题，每户只能回答一次。', 'Your household has answered this already: one answer a household.')
          : tr('这个议题不在征询期内。', 'This consultation is not open.')}</div>`;
      }
      return html`<form novalidate onSubmit=${send} data-testid="consultation-answer-form">
        ${errorNote(v.error)}
        <p class="fs-5 mb-2">${q.question}</p>
        ${q.kind === 'OPTIONS' ? html`<fieldset class="mb-3"><legend class="form-label fs-6">${tr('请选择', 'Choose one')} <span class="text-danger">*</span></legend>
          ${q.options.map((o, i) => html`<div class="form-check" key=${i}><input class="form-check-input" type="radio" name="cq" id=${'cq-' + i} value=${i}
            checked=${v.choice === String(i)} onChange=${() => { v.choice = String(i); }} /><label class="form-check-label" for=${'cq-' + i}>${o}</label></div>`)}
          ${v.field ? html`<div class="invalid-feedback d-block" role="alert">${tr('错误：', 'Error: ')}${v.field}</div>` : null}</fieldset>`
          : html`<${Field} label=${tr('您的意见', 'Your answer')} required error=${v.field}>${({ id }) => html`
            <textarea id=${id} class="form-control" rows="3" maxlength="500" value=${v.text} onInput=${(e) => { v.text = e.target.value; }}></textarea>`}<//>`}
        <${Busy} busy=${v.busy} disabled=${q.kind === 'OPTIONS' ? v.choice === '' : !v.text.trim()} testid="consultation-answer-submit">${tr('提交', 'Send')}<//>
      </form>`;
    };
  },
});

export default defineComponent({
  props: { unit: String },
  setup(props) {
    const s = reactive({ list: null });
    const load = () => api.get(`/public/units/${props.unit}/consultations`).then((l) => { s.list = l; }).catch(() => { s.list = []; });
    load();
    return () => (!s.list || !s.list.length ? null : html`<section class="section" aria-labelledby="consult-h" data-testid="unit-consultations">
      <h2 id="consult-h">${tr('楼门议事', 'Unit consultations')}</h2>
      <ul class="list-easy">${s.list.map((c) => html`<li key=${c.id}>
        <div class="row-title">${c.question}</div>
        <div class="small text-body-secondary">${c.placeLabel} · ${c.open ? tr(`征询中，${fmtDate(c.closesOn)} 截止`, `open until ${fmtDate(c.closesOn)}`) : tr('已结束', 'closed')}</div>
        <div>${tr(`已有 ${c.answered} / ${c.households} 户回答`, `${c.answered} of ${c.households} households answered`)}</div>
        ${c.kind === 'OPTIONS' ? html`<ul class="mb-0">${c.options.map((o) => html`<li key=${o.choice}>${o.option}：<strong>${o.count}</strong> ${tr('户', 'households')}</li>`)}</ul>`
          : html`<div>${tr(`收到意见 ${c.freeAnswers} 条，由社区整理。`, `${c.freeAnswers} answers, collected by the community.`)}</div>`}
      </li>`)}</ul>
      ${s.list.some((c) => c.open) ? html`<h3 class="h5 mt-3">${tr('凭户码回答', 'Answer with your household code')}</h3><${Answer} onDone=${load} />` : null}
    </section>`);
  },
});
