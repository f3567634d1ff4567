// 反映问题 (workspace): file a problem report on one of my places with up to 3 photos (type and size checked here
// before anything is sent; the server checks again and strips location data), follow its progress, and — as the
// one who filed it — confirm it is solved or send it back saying why.
import { html, defineComponent, reactive, ref, onBeforeUnmount } from '../../lib.js';
import { tr, fmtDateTime } from '../../i18n.js';
import { api, session, uploadWithProgress } from '../../api.js';
import { navigate } from '../../router.js';
import { usePhotoPicker, PHOTO_COUNT } from '../../easy.js';
import { REPORT_STATUS, DUTY, URGENCY } from '../../widgets/work-common.js';
import { SectionHead, myLeader, placeWords, placeCode, problem, loading } from './kit.js';
import { toast } from '../../ui.js';
import { reportPhotos } from '../../photos.js';

const WORDS = {
  REPORTED: ['已上报，等社区受理', 'Filed; waiting for the community'],
  ACCEPTED: ['社区已受理', 'Taken up by the community'],
  ASSIGNED: ['正在办理', 'Being handled'],
  RESOLVED: ['已办结，请您确认', 'Handled: please confirm'],
  CONFIRMED: ['已确认，闭环完成', 'Confirmed: closed'],
  REOPENED: ['已退回，重新办理', 'Sent back: being handled again'],
  SPAM: ['无效信息，已关闭', 'Not valid: closed'],
};
export const statusWords = (s) => (WORDS[s] ? tr(WORDS[s][0], WORDS[s][1]) : s);

/** The form: place, kind (duty), urgency, what happened, photos. */
const NewReport = defineComponent({
  props: { onDone: Function },
  setup(props) {
    const v = reactive({ place: '', duty: '', urgency: 'NORMAL', description: '', photos: [] });
    const f = reactive({ busy: false, error: null, fields: {}, progress: '' });
    const places = ref([]);
    myLeader().then((l) => {
      const seen = new Set();
      const out = [];
      for (const p of l.places || []) {
        const code = placeCode(p);
        if (!seen.has(code)) { seen.add(code); out.push({ code, label: placeWords(p) }); }
      }
      places.value = out;
      if (out.length === 1) v.place = out[0].code;
    }).catch((e) => { f.error = e; });
    const pick = usePhotoPicker(() => v.photos, (why) => { f.fields = { ...f.fields, photo: why }; });
    const submit = async (e) => {
      e.preventDefault();
      const fields = {};
      if (!v.place) fields.place = tr('请选择地点', 'Choose the place');
      if (!v.duty) fields.duty = tr('请选择问题类别', 'Choose the kind of problem');
      if (!v.description.trim()) fields.description = tr('请写下问题', 'Say what the problem is');
      f.fields = fields;
      if (Object.keys(fields).length) return;
      f.busy = true; f.error = null;
      let created = null;
      try {
        created = await api.post('/reports', { place: v.place, duty: v.duty, urgency: v.urgency, description: v.description.trim() });
        for (let i = 0; i < v.photos.length; i++) {
          const p = v.photos[i];
          await uploadWithProgress(`/reports/${created.id}/photos`, p.file, p.file.type, (x) => {
            f.progress = tr(`正在上传第 ${i + 1} 张照片（${Math.round(x * 100)}%）`, `Uploading photo ${i + 1} (${Math.round(x * 100)}%)`);
          });
        }
        toast(tr('问题已上报', 'Report filed'));
        props.onDone(created);
      } catch (err) {
        if (created) {
          // the report is filed; a photo was refused: say so and open the report (more photos can be added there)
          toast(tr('问题已上报，但有照片没有传上：', 'Report filed, but a photo was not sent: ') + (err.text || err.message), 'danger');
          props.onDone(created);
        } else if (err.field) {
          f.fields = { [err.field]: err.text };
        } else {
          f.error = err;
        }
      } finally {
        f.busy = false; f.progress = '';
      }
    };
    const err = (k) => (f.fields[k] ? html`<div class="invalid-feedback d-block" role="alert" id=${'nr-' + k + '-err'}>${tr('错误：', 'Error: ')}${f.fields[k]}</div>` : null);
    return () => html`<form class="section" novalidate onSubmit=${submit} data-testid="ws-report-form">
      <h2>${tr('反映新问题', 'A new problem')}</h2>
      ${problem(f.error)}
      <div class="mb-3"><label class="form-label" for="nr-place">${tr('地点', 'Place')} <span class="text-danger">*</span></label>
        <select id="nr-place" class="form-select" data-testid="ws-report-place" onChange=${(e) => { v.place = e.target.value; }}>
          <option value="">${tr('请选择', 'Choose')}</option>
          ${places.value.map((p) => html`<option value=${p.code} selected=${v.place === p.code}>${p.label}</option>`)}</select>${err('place')}</div>
      <div class="mb-3"><label class="form-label" for="nr-duty">${tr('问题类别（五员职责）', 'Kind (the five duties)')} <span class="text-danger">*</span></label>
        <select id="nr-duty" class="form-select" data-testid="ws-report-duty" onChange=${(e) => { v.duty = e.target.value; }}>
          <option value="">${tr('请选择', 'Choose')}</option>
          ${DUTY.options().map((o) => html`<option value=${o.value} selected=${v.duty === o.value}>${o.label}</option>`)}</select>${err('duty')}</div>
      <fieldset class="mb-3"><legend class="form-label fs-6">${tr('紧急程度', 'Urgency')}</legend>
        ${URGENCY.options().map((o) => html`<div class="form-check" key=${o.value}>
          <input class="form-check-input" type="radio" name="nr-urgency" id=${'nr-u-' + o.value} checked=${v.urgency === o.value} onChange=${() => { v.urgency = o.value; }} />
          <label class="form-check-label" for=${'nr-u-' + o.value}>${o.label}</label></div>`)}
        <div class="form-text">${tr('一般 3 天内办结，紧急 1 天，重大 4 小时并立即报社区。', 'Normal: 3 days; urgent: 1 day; major: 4 hours and the community is told at once.')}</div></fieldset>
      <div class="mb-3"><label class="form-label" for="nr-desc">${tr('问题描述', 'What happened')} <span class="text-danger">*</span></label>
        <textarea id="nr-desc" class="form-control" rows="4" maxlength="2000" data-testid="ws-report-description" value=${v.description}
                  onInput=${(e) => { v.description = e.target.value; }}></textarea>${err('description')}</div>
      <div class="mb-3">
        <label class="form-label" for="nr-photo">${tr(`照片（最多 ${PHOTO_COUNT} 张，JPG 或 PNG，每张不超过 5 MB）`, `Photos (up to ${PHOTO_COUNT}, JPG or PNG, 5 MB each)`)}</label>
        <input id="nr-photo" type="file" class="form-control" accept="image/jpeg,image/png" multiple data-testid="ws-report-photo"
               disabled=${v.photos.length >= PHOTO_COUNT} onChange=${pick} aria-describedby="nr-photo-help" />
        <div class="form-text" id="nr-photo-help">${tr('照片中的拍摄位置等信息会被去掉后再保存。', 'Location and other hidden data are removed from photos before they are kept.')}</div>
        ${err('photo')}
        ${v.photos.length ? html`<div class="photo-strip mt-2" data-testid="ws-report-previews">${v.photos.map((p, i) => html`<figure key=${p.url}>
          <img src=${p.url} alt=${tr(`第 ${i + 1} 张照片`, `Photo ${i + 1}`)} />
          <figcaption><button type="button" class="btn btn-outline-danger btn-sm mt-1" onClick=${() => { v.photos.splice(i, 1); }}>${tr('去掉', 'Remove')}</button></figcaption></figure>`)}</div>` : null}
      </div>
      ${f.progress ? html`<p role="status">${f.progress}</p>` : null}
      <button type="submit" class="btn btn-primary" disabled=${f.busy} aria-busy=${f.busy ? 'true' : 'false'} data-testid="ws-report-submit">${f.busy ? tr('正在上报…', 'Sending…') : tr('上报', 'File the report')}</button>
    </form>`;
  },
});

/** My places' reports, newest first, with the form above them. */
export const reports = defineComponent({
  props: { id: String },
  setup(props) {
    if (props.id) return () => html`<${ReportView} id=${props.id} />`;
    const s = reactive({ list: null, error: null, filing: false });
    const load = () => api.get('/reports', { size: 50 }).then((r) => { s.list = r.items || r; }).catch((e) => { s.error = e; });
    load();
    return () => html`<div>
      <${SectionHead} title=${tr('反映问题', 'Problem reports')} />
      ${s.filing ? html`<${NewReport} onDone=${(r) => navigate('/workspace/reports/' + r.id)} />`
        : html`<p><button type="button" class="btn btn-primary" data-testid="ws-report-new" onClick=${() => { s.filing = true; }}>＋ ${tr('反映新问题', 'Report a new problem')}</button></p>`}
      ${problem(s.error)}
      <section class="section" aria-labelledby="rl-h"><h2 id="rl-h">${tr('我所在楼门的问题', 'Reports of my places')}</h2>
        ${!s.list ? (s.error ? null : loading()) : s.list.length ? html`<ul class="list-easy" data-testid="ws-report-list">
          ${s.list.map((r) => html`<li key=${r.id}><a href=${'#/workspace/reports/' + r.id} class="row-title d-block easy-target" data-report=${r.id}>${r.description.length > 40 ? r.description.slice(0, 40) + '…' : r.description}</a>
            <div>${REPORT_STATUS.badge(r.status)} ${statusWords(r.status)}</div>
            <div class="small text-body-secondary">${tr('编号', 'No.')} ${r.id} · ${fmtDateTime(r.createdAt)}${r.reporterKind === 'RESIDENT' ? tr(' · 居民反映', ' · from a resident') : ''}</div></li>`)}
        </ul>` : html`<p class="mb-0">${tr('还没有问题。发现问题就点上面的“反映新问题”。', 'No reports yet. Use “Report a new problem” above when you see one.')}</p>`}
      </section></div>`;
  },
});

/** One report: what, where, its state in words, photos, and confirm / send back when it is mine and handled. */
const ReportView = defineComponent({
  props: { id: String },
  setup(props) {
    const s = reactive({ r: null, error: null, photos: [], note: '', busy: false, actError: null, noteError: null, confirming: false });
    const urls = [];
    onBeforeUnmount(() => urls.forEach((u) => URL.revokeObjectURL(u)));
    const loadPhotos = async (count) => { s.photos = await reportPhotos(props.id, count); urls.push(...s.photos); };
    const load = () => api.get(`/reports/${props.id}`).then((r) => { s.r = r; if (r.photos && r.photos !== s.photos.length) loadPhotos(r.photos); }).catch((e) => { s.error = e; });
    load();
    const move = async (step, body, done) => {
      s.busy = true; s.actError = null;
      try { s.r = await api.post(`/reports/${props.id}/${step}`, body); s.note = ''; toast(done); } catch (e) { s.actError = e; } finally { s.busy = false; }
    };
    // asked on the page itself, not in a pop-up (适老化: no pop-ups)
    const confirmDone = () => { s.confirming = false; move('confirm', { note: s.note.trim() || null }, tr('已确认，谢谢！', 'Confirmed, thank you!')); };
    const reopen = () => {
      s.noteError = s.note.trim() ? null : tr('请写明哪里还没解决', 'Say what is still not solved');
      if (!s.noteError) move('reopen', { note: s.note.trim() }, tr('已退回，社区会重新办理', 'Sent back to the community'));
    };
    return () => {
      const r = s.r;
      const head = html`<${SectionHead} title=${tr('问题', 'Report') + ' ' + props.id} back="#/workspace/reports" backLabel=${tr('返回问题列表', 'Back to the reports')}>
        <button type="button" class="btn btn-outline-dark" data-testid="ws-report-refresh" onClick=${load}>${tr('刷新进度', 'Refresh')}</button><//>`;
      if (s.error) return html`<div>${head}${problem(s.error)}</div>`;
      if (!r) return html`<div>${head}${loading()}</div>`;
      const mine = session.user && r.reporter === session.user.username;
      return html`<div>${head}
        <div class="section" data-testid="ws-report-state">
          <p class="fs-5 mb-2">${REPORT_STATUS.badge(r.status)} <strong>${statusWords(r.status)}</strong></p>
          <p>${r.description}</p>
          <dl class="kv">
            <dt>${tr('类别', 'Kind')}</dt><dd>${DUTY.label(r.duty)}</dd>
            <dt>${tr('上报时间', 'Filed')}</dt><dd>${fmtDateTime(r.createdAt)}</dd>
            <dt>${tr('办结时限', 'Due')}</dt><dd>${fmtDateTime(r.dueAt)}${r.overdue ? html` <strong class="text-danger">${tr('（已超时）', '(overdue)')}</strong>` : null}</dd>
            <dt>${tr('承办人', 'Handled by')}</dt><dd>${r.assignee || '—'}</dd>
            <dt>${tr('处理结果', 'What was done')}</dt><dd data-testid="ws-report-resolution">${r.resolution || '—'}</dd>
          </dl>
          ${s.photos.length ? html`<div class="photo-strip mt-3" data-testid="ws-report-photos">${s.photos.map((u, i) => html`<img src=${u} alt=${tr(`照片 ${i + 1}`, `Photo ${i + 1}`)} />`)}</div>` : null}
        </div>
        ${mine && r.status === 'RESOLVED' ? html`<div class="section" data-testid="ws-report-actions">
          <h2>${tr('问题解决了吗？', 'Is it solved?')}</h2>
          ${problem(s.actError)}
          <div class="mb-3"><label class="form-label" for="rv-note">${tr('说明（退回时必填）', 'Note (needed to send it back)')}</label>
            <textarea id="rv-note" class="form-control" rows="2" maxlength="500" data-testid="ws-report-note" value=${s.note} onInput=${(e) => { s.note = e.target.value; }}></textarea>
            ${s.noteError ? html`<div class="invalid-feedback d-block" role="alert">${tr('错误：', 'Error: ')}${s.noteError}</div>` : null}</div>
          ${s.confirming ? html`<div class="note-info" data-testid="ws-report-confirming">
            <p>${tr('确认后这件事就办结了，不能再退回。确定问题已经解决了吗？', 'Once confirmed it is closed and cannot be sent back. Is it really solved?')}</p>
            <div class="d-flex flex-wrap gap-2">
              <button type="button" class="btn btn-success" disabled=${s.busy} data-testid="ws-report-confirm-yes" onClick=${confirmDone}>${tr('确定，已解决', 'Yes, it is solved')}</button>
              <button type="button" class="btn btn-outline-dark" onClick=${() => { s.confirming = false; }}>${tr('再看看', 'Not yet')}</button></div></div>`
          : html`<div class="d-flex flex-wrap gap-2">
            <button type="button" class="btn btn-success" disabled=${s.busy} data-testid="ws-report-confirm" onClick=${() => { s.confirming = true; }}>${tr('已解决，确认', 'Solved: confirm')}</button>
            <button type="button" class="btn btn-outline-danger" disabled=${s.busy} data-testid="ws-report-reopen" onClick=${reopen}>${tr('没解决，退回', 'Not solved: send back')}</button>
          </div>`}</div>` : null}
      </div>`;
    };
  },
});
