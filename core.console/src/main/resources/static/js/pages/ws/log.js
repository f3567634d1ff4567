// 民情日志: what I did, by the five duties (五员: 政策法规宣传员, 社情民意信息员, 矛盾化解调处员, 平安稳定巡查员,
// 环境卫生监督员), with this year's count per duty, and my entries, newest first.
import { html, defineComponent, reactive } from '../../lib.js';
import { tr, fmtDate, today } from '../../i18n.js';
import { api } from '../../api.js';
import { DUTY } from '../../widgets/work-common.js';
import { toast } from '../../ui.js';
import { SectionHead, myLeader, placeWords, placeCode, problem, loading } from './kit.js';

export default defineComponent({
  setup() {
    const year = Number(today().slice(0, 4));
    const s = reactive({ summary: null, entries: null, total: 0, page: 1, error: null, places: [] });
    const v = reactive({ duty: '', day: today(), place: '', note: '', busy: false, fields: {}, error: null });
    const load = () => {
      api.get('/me/work-log/summary', { year }).then((x) => { s.summary = x; }).catch((e) => { s.error = e; });
      api.get('/me/work-log', { page: s.page, size: 10 }).then((x) => { s.entries = x.items || x; s.total = x.total ?? (x.items || x).length; }).catch((e) => { s.error = e; });
    };
    load();
    myLeader().then((l) => {
      const seen = new Set();
      s.places = (l.places || []).map((p) => ({ code: placeCode(p), label: placeWords(p) })).filter((p) => !seen.has(p.code) && seen.add(p.code));
    }).catch(() => {});
    const minDay = (() => { const d = new Date(Date.now() - 366 * 86400000); return d.toISOString().slice(0, 10); })();
    const submit = async (e) => {
      e.preventDefault();
      const fields = {};
      if (!v.duty) fields.duty = tr('请选择是哪一项职责', 'Choose the duty');
      if (!v.note.trim()) fields.note = tr('请写下做了什么', 'Say what you did');
      if (!v.day || v.day > today()) fields.day = tr('日期不能晚于今天', 'Not after today');
      v.fields = fields;
      if (Object.keys(fields).length) return;
      v.busy = true; v.error = null;
      try {
        await api.post('/me/work-log', { duty: v.duty, day: v.day, place: v.place || null, note: v.note.trim() });
        toast(tr('已记入民情日志', 'Added to the work log'));
        v.note = ''; v.duty = ''; s.page = 1;
        load();
      } catch (err) {
        if (err.field) v.fields = { [err.field]: err.text }; else v.error = err;
      } finally { v.busy = false; }
    };
    const err = (k) => (v.fields[k] ? html`<div class="invalid-feedback d-block" role="alert">${tr('错误：', 'Error: ')}${v.fields[k]}</div>` : null);
    const pages = () => Math.max(1, Math.ceil(s.total / 10));
    const go = (p) => { s.page = p; load(); };
    return () => html`<div>
      <${SectionHead} title=${tr('民情日志', 'Work log')} />
      ${problem(s.error)}
      <section class="section" aria-labelledby="wl-count" data-testid="ws-log-summary">
        <h2 id="wl-count">${tr(`${year} 年按五员职责统计`, `${year} by the five duties`)}</h2>
        ${s.summary ? html`<div class="duty-counts">
          ${s.summary.duties.map((d) => html`<span>${d.dutyLabel || DUTY.label(d.duty)}</span><span class="count" data-duty=${d.duty}>${d.count}</span>`)}
          <strong>${tr('合计', 'Total')}</strong><strong class="count" data-testid="ws-log-total">${s.summary.total}</strong></div>` : loading()}
      </section>
      <form class="section" novalidate onSubmit=${submit} data-testid="ws-log-form">
        <h2>${tr('记一条', 'Add an entry')}</h2>
        ${problem(v.error)}
        <fieldset class="mb-3"><legend class="form-label fs-6">${tr('哪一项职责', 'Which duty')} <span class="text-danger">*</span></legend>
          ${DUTY.options().map((o) => html`<div class="form-check" key=${o.value}>
            <input class="form-check-input" type="radio" name="wl-duty" id=${'wl-' + o.value} value=${o.value} checked=${v.duty === o.value}
                   onChange=${() => { v.duty = o.value; }} />
            <label class="form-check-label" for=${'wl-' + o.value}>${o.label}</label></div>`)}${err('duty')}</fieldset>
        <div class="mb-3"><label class="form-label" for="wl-day">${tr('日期', 'Day')}</label>
          <input id="wl-day" type="date" class="form-control" min=${minDay} max=${today()} value=${v.day} data-testid="ws-log-day" onInput=${(e) => { v.day = e.target.value; }} />${err('day')}</div>
        ${s.places.length > 1 ? html`<div class="mb-3"><label class="form-label" for="wl-place">${tr('地点（可不选）', 'Place (optional)')}</label>
          <select id="wl-place" class="form-select" onChange=${(e) => { v.place = e.target.value; }}>
            <option value="">${tr('不指定', 'None')}</option>${s.places.map((p) => html`<option value=${p.code} selected=${v.place === p.code}>${p.label}</option>`)}</select>${err('place')}</div>` : null}
        <div class="mb-3"><label class="form-label" for="wl-note">${tr('做了什么', 'What I did')} <span class="text-danger">*</span></label>
          <textarea id="wl-note" class="form-control" rows="3" maxlength="1000" data-testid="ws-log-note" value=${v.note} onInput=${(e) => { v.note = e.target.value; }}></textarea>${err('note')}</div>
        <button type="submit" class="btn btn-primary" disabled=${v.busy} data-testid="ws-log-save">${tr('保存', 'Save')}</button>
      </form>
      <section class="section" aria-labelledby="wl-list">
        <h2 id="wl-list">${tr('我的记录', 'My entries')}</h2>
        ${!s.entries ? loading() : !s.entries.length ? html`<p class="mb-0">${tr('还没有记录。', 'No entries yet.')}</p>`
          : html`<ul class="list-easy" data-testid="ws-log-list">${s.entries.map((x) => html`<li key=${x.id}>
            <div class="row-title">${fmtDate(x.day)}　${x.dutyLabel || DUTY.label(x.duty)}</div>
            ${x.placeLabel ? html`<div class="small text-body-secondary">${x.placeLabel}</div>` : null}
            <div>${x.note}</div></li>`)}</ul>`}
        ${pages() > 1 ? html`<div class="d-flex gap-2 mt-2 align-items-center">
          <button type="button" class="btn btn-outline-dark" disabled=${s.page <= 1} onClick=${() => go(s.page - 1)}>${tr('上一页', 'Previous')}</button>
          <span>${s.page} / ${pages()}</span>
          <button type="button" class="btn btn-outline-dark" disabled=${s.page >= pages()} onClick=${() => go(s.page + 1)}>${tr('下一页', 'Next')}</button></div>` : null}
      </section>
    </div>`;
  },
});
