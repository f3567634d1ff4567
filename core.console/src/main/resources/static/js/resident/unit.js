// 楼门页 /u/<unit>: who serves this unit (name, role, work ID; the phone in full only with the leader's consent,
// otherwise masked), a problem report without an account (its number shown after filing), a status check by that
// number on the same page, and the unit's open evaluation, if any, leading to /v.
import { html, defineComponent, reactive, ref } from '../lib.js';
import { tr, msg, fmtDateTime } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { masked } from '../easy.js';
import { Field, Busy, errorNote, reportNumber } from './parts.js';
import { ProgrammeParts } from './programmes.js';
import Consultations from './consultations.js';

const DUTIES = {
  POLICY_PUBLICIST: ['政策宣传', 'Policy information'], OPINION_INFORMANT: ['意见建议', 'Opinions and suggestions'],
  DISPUTE_MEDIATOR: ['邻里纠纷', 'Neighbour disputes'], SAFETY_PATROLLER: ['安全隐患', 'Safety hazards'],
  SANITATION_SUPERVISOR: ['环境卫生', 'Sanitation'],
};

const ROLE = { UNIT_LEADER: ['楼门长', 'Unit leader'], BUILDING_LEADER: ['栋长', 'Building leader'] };

/** The status of a report as residents read it, with a short explanation. */
export const STATUS = {
  REPORTED: ['已收到，等待社区受理', 'Received; waiting for the community to take it up'],
  ACCEPTED: ['社区已受理', 'Taken up by the community'],
  ASSIGNED: ['正在处理', 'Being handled'],
  RESOLVED: ['已处理，等待确认', 'Handled; waiting for confirmation'],
  CONFIRMED: ['已办结', 'Closed: done'],
  REOPENED: ['重新处理中', 'Being handled again'],
  SPAM: ['已关闭（无效信息）', 'Closed (not a valid report)'],
};
const statusText = (s, label) => (STATUS[s] ? tr(STATUS[s][0], STATUS[s][1]) : (label || s));

const ReportForm = defineComponent({
  props: { unit: String },
  setup(props) {
    const v = reactive({ description: '', phone: '', duty: '' });
    const f = reactive({ busy: false, error: null, fields: {} });
    const filed = ref(null);
    const submit = async (e) => {
      e.preventDefault();
      f.fields = {};
      f.error = null;
      const description = v.description.trim();
      const phone = v.phone.trim();
      if (!description) f.fields.description = tr('请写下遇到的问题', 'Say what the problem is');
      else if (description.length > 500) f.fields.description = tr('最多 500 个字', '500 characters at most');
      if (phone && !/^1[3-9]\d{9}$/.test(phone)) f.fields.phone = tr('请填写 11 位手机号码，或者不填', 'An 11-digit mobile number, or leave it empty');
      if (Object.keys(f.fields).length) return;
      f.busy = true;
      try {
        filed.value = await api.post(`/public/units/${props.unit}/reports`, { description, phone: phone || null, duty: v.duty || null });
        v.description = ''; v.phone = ''; v.duty = '';
      } catch (err) {
        if (err instanceof ApiError && err.field && ['description', 'phone', 'duty'].includes(err.field)) f.fields[err.field] = err.text;
        else f.error = err;
      } finally {
        f.busy = false;
      }
    };
    return () => {
      if (filed.value) {
        return html`<div class="note-ok" role="status" data-testid="report-filed">
          <p class="mb-1">${tr('已提交，谢谢您！请记下您的问题编号，可随时在下面查询办理进度：', 'Sent, thank you! Note your report number; check its progress below at any time:')}</p>
          <p class="big-number mb-2" data-testid="report-number">${filed.value.number}</p>
          <p class="mb-2">${tr('当前状态：', 'Status now: ')}<strong>${statusText(filed.value.status, msg(filed.value.statusLabel))}</strong></p>
          <button type="button" class="btn btn-outline-dark" onClick=${() => { filed.value = null; }}>${tr('再反映一个问题', 'Report another problem')}</button>
        </div>`;
      }
      return html`<form novalidate onSubmit=${submit} data-testid="resident-report-form">
        ${errorNote(f.error)}
        <${Field} label=${tr('遇到了什么问题', 'What is the problem')} required error=${f.fields.description}
                  help=${tr(`请写清楚在哪里、什么情况。还可写 ${500 - v.description.length} 字。`, `Say where and what. ${500 - v.description.length} characters left.`)}>${({ id, describedBy }) => html`
          <textarea id=${id} class=${'form-control' + (f.fields.description ? ' is-invalid' : '')} rows="4" maxlength="500" data-testid="resident-description"
                    aria-describedby=${describedBy} value=${v.description} onInput=${(e) => { v.description = e.target.value; }}></textarea>`}<//>
        <${Field} label=${tr('问题类别', 'Kind of problem')} error=${f.fields.duty}>${({ id }) => html`
          <select id=${id} class="form-select" onChange=${(e) => { v.duty = e.target.value; }}>
            <option value="" selected=${!v.duty}>${tr('不确定', 'Not sure')}</option>
            ${Object.entries(DUTIES).map(([k, n]) => html`<option value=${k} selected=${v.duty === k}>${tr(n[0], n[1])}</option>`)}
          </select>`}<//>
        <${Field} label=${tr('您的手机号', 'Your mobile number')} error=${f.fields.phone}
                  help=${tr('留下号码，社区可以回电了解情况；只有社区工作人员能看到。', 'Leave it so the community can call you back; only community staff see it.')}>${({ id, describedBy }) => html`
          <input id=${id} type="tel" inputmode="numeric" autocomplete="tel" maxlength="11" class=${'form-control' + (f.fields.phone ? ' is-invalid' : '')}
                 data-testid="resident-phone" aria-describedby=${describedBy} value=${v.phone} onInput=${(e) => { v.phone = e.target.value; }} />`}<//>
        <${Busy} busy=${f.busy} testid="resident-submit">${tr('提交', 'Send')}<//>
      </form>`;
    };
  },
});

/** 查询进度: the status of a report by its number (no names, no phones). */
export const StatusCheck = defineComponent({
  props: { initial: String },
  setup(props) {
    const number = ref(props.initial || '');
    const f = reactive({ busy: false, error: null, field: null, result: null });
    const check = async (e) => {
      e.preventDefault();
      f.error = null; f.field = null; f.result = null;
      const n = reportNumber(number.value);
      if (!n) { f.field = tr('请输入问题编号', 'Enter the report number'); return; }
      f.busy = true;
      try {
        f.result = await api.get(`/public/reports/${encodeURIComponent(n)}`);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) f.field = tr('没有找到这个编号，请核对后再查', 'No report has this number; check it and try again');
        else if (err instanceof ApiError && err.field === 'number') f.field = err.text;
        else f.error = err;
      } finally {
        f.busy = false;
      }
    };
    return () => {
      const r = f.result;
      return html`<form novalidate onSubmit=${check} data-testid="status-form">
        ${errorNote(f.error)}
        <${Field} label=${tr('问题编号', 'Report number')} required error=${f.field} help=${tr('提交问题后显示的 12 位编号，如 ABCD-EFGH-JKMN', 'The 12-character number shown after sending, e.g. ABCD-EFGH-JKMN')}>${({ id, describedBy }) => html`
          <input id=${id} class=${'form-control mono' + (f.field ? ' is-invalid' : '')} autocapitalize="characters" autocomplete="off" maxlength="20"
                 data-testid="status-number" aria-describedby=${describedBy} value=${number.value} onInput=${(e) => { number.value = e.target.value; }} />`}<//>
        <${Busy} busy=${f.busy} kind="outline-primary" testid="status-submit">${tr('查询进度', 'Check progress')}<//>
      </form>
      ${r ? html`<div class="mt-3" data-testid="status-result" aria-live="polite">
        <p class="mb-1"><span class="mono">${r.number}</span> · ${[r.communityName, r.buildingLabel, r.unitLabel].filter(Boolean).join(' ')}</p>
        <p class="fs-5 mb-2">${tr('状态：', 'Status: ')}<strong data-testid="status-text">${statusText(r.status, msg(r.statusLabel))}</strong></p>
        <ol class="steps">${(r.steps || []).map((s) => html`<li>${fmtDateTime(s.at)}　${statusText(s.status, msg(s.statusLabel))}</li>`)}</ol>
        ${r.resolution ? html`<p class="mt-2 mb-0"><strong>${tr('处理结果：', 'What was done: ')}</strong>${r.resolution}</p>` : null}
      </div>` : null}`;
    };
  },
});

export default defineComponent({
  props: { param: String },
  setup(props) {
    const unit = props.param;
    const data = reactive({ unit: null, error: null, evaluation: null });
    api.get(`/public/units/${unit}`).then((u) => { data.unit = u; }).catch((e) => { data.error = e; });
    api.get(`/public/units/${unit}/evaluation`).then((ev) => { data.evaluation = ev; }).catch(() => { /* only a hint */ });
    return () => {
      if (data.error) {
        const notFound = data.error instanceof ApiError && (data.error.status === 404 || data.error.status === 400);
        return html`<div class="note-bad" role="alert" data-testid="unit-missing">${notFound
          ? tr('未找到此楼门，请核对二维码，或联系社区。', 'No such unit: check the QR code, or ask the community.')
          : errorNote(data.error)}</div>`;
      }
      const u = data.unit;
      if (!u) return html`<p role="status">${tr('正在加载…', 'Loading…')}</p>`;
      const ev = data.evaluation;
      return html`<div>
        <h1 data-testid="unit-title">${u.communityName} ${u.buildingLabel} ${u.label}</h1>
        <p class="text-body-secondary">${u.streetName} · ${tr('楼门编码', 'Unit code')} <span class="mono">${u.code}</span></p>
        ${ev && ev.open ? html`<div class="note-info" data-testid="unit-evaluation">
          <p class="mb-2">${tr(`本楼门正在进行 ${ev.periodLabel || ev.period} 群众评议。请用发到您家的评议单上的评议码，为楼门栋长打分。`,
            `An evaluation of the leaders (${ev.periodLabel || ev.period}) is open. Use the code on the ballot sheet your household received.`)}</p>
          <a class="btn btn-primary" href="/v">${tr('去评议', 'Go to the evaluation')}</a></div>` : null}
        <section class="section" aria-labelledby="leaders-h">
          <h2 id="leaders-h">${tr('为您服务的楼门栋长', 'Your building leaders')}</h2>
          ${u.leaders && u.leaders.length ? html`<ul class="list-easy" data-testid="unit-leaders">
            ${u.leaders.map((l) => html`<li>
              <div class="row-title">${l.name}　<span class="badge text-bg-secondary">${ROLE[l.role] ? tr(ROLE[l.role][0], ROLE[l.role][1]) : l.roleLabel}</span></div>
              ${l.workId ? html`<div>${tr('工作证号', 'Work ID')} <span class="mono">${l.workId}</span></div>` : null}
              <div>${l.phonePublic && l.phone
                ? html`${tr('电话', 'Phone')} <a class="btn btn-outline-primary btn-sm ms-1" href=${'tel:' + l.phone} data-testid="leader-phone">${tr('拨打', 'Call')} ${l.phone}</a>`
                : html`${tr('电话', 'Phone')} <span class="mono">${masked(l.phone) || '—'}</span> <small class="text-body-secondary">${tr('（本人未同意公开，请通过下面的表单或社区联系）', '(not made public; use the form below or ask the community)')}</small>`}</div>
            </li>`)}</ul>`
            : html`<p class="mb-0">${tr('本楼门暂时没有楼门栋长，请联系社区。', 'No leader serves this unit yet; please ask the community.')}</p>`}
        </section>
        <section class="section" aria-labelledby="report-h">
          <h2 id="report-h">${tr('反映问题', 'Report a problem')}</h2>
          <p>${tr('楼道、环境、安全、邻里之间有问题，都可以在这里告诉楼门栋长和社区。不用登录。', 'Tell the leaders and the community about a problem in the building, the surroundings, safety or between neighbours. No account needed.')}</p>
          <${ReportForm} unit=${u.code} />
        </section>
        <${Consultations} unit=${u.code} />
        <section class="section" aria-labelledby="status-h">
          <h2 id="status-h">${tr('查询办理进度', 'Check a report')}</h2>
          <${StatusCheck} />
        </section>
        <${ProgrammeParts} unit=${u} file="unit.js" />
        <p><a href="/d" class="back-link">${tr('查看全区楼门栋长名录', 'All building leaders of the district')}</a></p>
      </div>`;
    };
  },
});
