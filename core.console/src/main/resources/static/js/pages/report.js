// 问题时报详情: the report, its due time, its history, and the closed-loop step the user may take now:
// staff accept → assign (承办人) → resolve (处理结果); the reporter confirms or sends it back (退回, with a reason).
import { html, defineComponent, reactive, computed, ref, onBeforeUnmount } from '../lib.js';
import { reportPhotos } from '../photos.js';
import { tr, fmtDateTime } from '../i18n.js';
import { api, session } from '../api.js';
import { scope, STAFF } from '../auth.js';
import { route } from '../router.js';
import { placeName } from '../places.js';
import { PageHeader, Field, ErrorAlert, BusyButton, Loading, DataTable, badge, toast, useLoad, useForm, confirmAction } from '../ui.js';
import { REPORT_STATUS, URGENCY, DUTY, TableCard } from '../widgets/work-common.js';

export default defineComponent({
  setup() {
    const id = route.params.id;
    const photos = ref([]);
    onBeforeUnmount(() => photos.value.forEach((u) => URL.revokeObjectURL(u)));
    const report = useLoad(async () => {
      const r = await api.get(`/reports/${id}`);
      if (r.photos && !photos.value.length) reportPhotos(id, r.photos).then((l) => { photos.value = l; });
      return r;
    });
    const staff = computed(() => STAFF.includes(scope.role));
    const history = useLoad(() => (STAFF.includes(scope.role) ? api.get(`/reports/${id}/history`) : Promise.resolve(null)));
    const v = reactive({ assignee: '', resolution: '', note: '' });
    const form = useForm();
    const reload = () => { report.reload(); history.reload(); };
    const move = async (step, body, done) => {
      const r = await form.run(() => api.post(`/reports/${id}/${step}`, body));
      if (r) {
        report.data = r;
        history.reload();
        v.assignee = ''; v.resolution = ''; v.note = '';
        toast(done);
      }
    };
    const reopen = async () => {
      if (!v.note.trim()) { form.fields = { note: tr('请写明退回原因', 'Say why it goes back') }; return; }
      await move('reopen', { note: v.note.trim() }, tr('已退回，等待重新交办', 'Sent back for a new assignment'));
    };
    const confirmDone = async () => {
      const ok = await confirmAction({
        title: tr('确认办结？', 'Confirm it is solved?'),
        body: tr('确认后该问题时报关闭，不能再退回。', 'Once confirmed the report is closed and cannot be sent back.'),
        ok: tr('确认办结', 'Confirm'), danger: false,
      });
      if (ok) await move('confirm', { note: v.note.trim() || null }, tr('已确认办结', 'Confirmed: the loop is closed'));
    };

    const markSpam = async () => {
      const ok = await confirmAction({
        title: tr('标记为无效信息？', 'Mark as spam?'),
        body: tr('标记后这条问题关闭，不再计入未办结和超时统计；居民查询时显示“已关闭”。此操作会记入审计日志。', 'The report is closed and leaves the open and overdue counts; a resident checking it sees it closed. This is recorded in the audit log.'),
        ok: tr('标记为无效信息', 'Mark as spam'), danger: true,
      });
      if (ok) await move('spam', { note: v.note.trim() || null }, tr('已标记为无效信息', 'Marked as spam'));
    };

    const Actions = () => {
      const r = report.data;
      const isReporter = session.user && r.reporter === session.user.username;
      const parts = [];
      if (staff.value && r.status === 'REPORTED') {
        parts.push(html`<div class="mb-3">
          <p class="mb-2">${tr('受理后再交办给承办人或部门。', 'Accept it, then assign it to someone.')}</p>
          <${BusyButton} busy=${form.busy} testid="report-accept" onClick=${() => move('accept', {}, tr('已受理', 'Accepted'))}>${tr('受理', 'Accept')}<//></div>`);
      }
      if (staff.value && (r.status === 'ACCEPTED' || r.status === 'REOPENED')) {
        parts.push(html`<form class="mb-3" novalidate onSubmit=${(e) => { e.preventDefault(); move('assign', { assignee: v.assignee.trim(), note: v.note.trim() || null }, tr('已交办', 'Assigned')); }}>
          <${Field} label=${tr('承办人或部门', 'Assignee (person or department)')} required error=${form.err('assignee')}>${({ id: fid }) => html`
            <input id=${fid} class="form-control" maxlength="60" data-testid="report-assignee" value=${v.assignee} onInput=${(e) => { v.assignee = e.target.value; }} />`}<//>
          <${Field} label=${tr('交办说明（可选）', 'Note (optional)')} error=${form.err('note')}>${({ id: fid }) => html`
            <input id=${fid} class="form-control" maxlength="500" value=${v.note} onInput=${(e) => { v.note = e.target.value; }} />`}<//>
          <${BusyButton} type="submit" busy=${form.busy} disabled=${!v.assignee.trim()} testid="report-assign">${tr('交办', 'Assign')}<//>
        </form>`);
      }
      if (staff.value && r.status === 'ASSIGNED') {
        parts.push(html`<form class="mb-3" novalidate onSubmit=${(e) => { e.preventDefault(); move('resolve', { resolution: v.resolution.trim() }, tr('已办结，等待上报人确认', 'Resolved; the reporter confirms next')); }}>
          <${Field} label=${tr('处理结果', 'Resolution')} required error=${form.err('resolution')}>${({ id: fid }) => html`
            <textarea id=${fid} class="form-control" rows="3" maxlength="1000" data-testid="report-resolution" value=${v.resolution} onInput=${(e) => { v.resolution = e.target.value; }}></textarea>`}<//>
          <${BusyButton} type="submit" busy=${form.busy} disabled=${!v.resolution.trim()} testid="report-resolve">${tr('办结', 'Resolve')}<//>
        </form>`);
      }
      if (isReporter && r.status === 'RESOLVED') {
        parts.push(html`<div class="mb-3">
          <p class="mb-2">${tr('您是上报人：问题已解决请确认；未解决请写明原因退回。', 'You filed this report: confirm it if the problem is solved, or send it back saying why.')}</p>
          <${Field} label=${tr('说明（退回时必填）', 'Note (required to send back)')} error=${form.err('note')}>${({ id: fid }) => html`
            <input id=${fid} class="form-control" maxlength="500" data-testid="report-note" value=${v.note} onInput=${(e) => { v.note = e.target.value; }} />`}<//>
          <div class="d-flex flex-wrap gap-2">
            <${BusyButton} busy=${form.busy} kind="success" testid="report-confirm" onClick=${confirmDone}>${tr('确认办结', 'Confirm solved')}<//>
            <${BusyButton} busy=${form.busy} kind="outline-danger" testid="report-reopen" onClick=${reopen}>${tr('退回重办', 'Send back')}<//>
          </div></div>`);
      }
      if (!parts.length) {
        const why = r.status === 'SPAM' ? tr('已标记为无效信息，已关闭。', 'Marked as spam: closed.') : r.status === 'CONFIRMED' ? tr('上报人已确认，闭环完成。', 'The reporter confirmed: the loop is closed.')
          : r.status === 'RESOLVED' ? tr('已办结，等待上报人确认或退回。', 'Resolved: waiting for the reporter to confirm or send it back.')
            : tr('等待社区受理、交办和办结。', 'Waiting for the community to accept, assign and resolve it.');
        parts.push(html`<p class="text-body-secondary mb-0" data-testid="report-waiting">${why}</p>`);
      }
      if (staff.value && !['CONFIRMED', 'SPAM'].includes(r.status)) {
        parts.push(html`<div class="mt-3 pt-3 border-top"><p class="small text-body-secondary mb-2">${tr('恶意、广告或与楼门无关的信息可标记为无效。', 'Abusive, advertising or unrelated messages can be marked as spam.')}</p>
          <${BusyButton} busy=${form.busy} kind="outline-secondary" testid="report-spam" onClick=${markSpam}>${tr('标记为无效信息', 'Mark as spam')}<//></div>`);
      }
      return parts;
    };

    const historyColumns = [
      { key: 'at', label: () => tr('时间', 'When'), cell: (s) => fmtDateTime(s.at) },
      { key: 'from', label: () => tr('从', 'From'), cell: (s) => (s.from ? REPORT_STATUS.badge(s.from) : '—') },
      { key: 'to', label: () => tr('到', 'To'), cell: (s) => REPORT_STATUS.badge(s.to) },
      { key: 'actor', label: () => tr('操作人', 'By') },
      { key: 'note', label: () => tr('说明', 'Note'), cell: (s) => s.note || '' },
    ];

    return () => {
      const r = report.data;
      const title = tr('问题时报', 'Problem report') + ' ' + id;
      const crumbs = [{ label: tr('问题时报', 'Problem reports'), href: '#/reports' }];
      if (report.error) return html`<div><${PageHeader} title=${title} crumbs=${crumbs} /><${ErrorAlert} error=${report.error} /></div>`;
      if (!r) return html`<div><${PageHeader} title=${title} crumbs=${crumbs} /><${Loading} /></div>`;
      return html`
        <div>
          <${PageHeader} title=${title} crumbs=${crumbs}>
            <button type="button" class="btn btn-outline-dark" onClick=${reload}>${tr('刷新', 'Refresh')}</button>
          <//>
          <div class="row g-3">
            <div class="col-12 col-lg-7">
              <div class=${'card mb-3' + (r.overdue ? ' border-danger' : '')}>
                <div class="card-body">
                  <div class="d-flex flex-wrap gap-2 mb-2" data-testid="report-state">
                    ${REPORT_STATUS.badge(r.status)} ${URGENCY.badge(r.urgency)}
                    ${r.overdue ? badge(tr('已超时', 'Overdue'), 'danger') : null}
                    ${r.escalated ? badge(tr('已上报社区', 'Escalated to the community'), 'danger') : null}
                  </div>
                  <p class="fs-6" data-testid="report-description-text">${r.description}</p>
                  <dl class="row mb-0">
                    <dt class="col-sm-4">${tr('社区', 'Community')}</dt><dd class="col-sm-8">${placeName(r.community)}</dd>
                    <dt class="col-sm-4">${tr('地点代码', 'Place code')}</dt><dd class="col-sm-8 mono">${r.place}</dd>
                    <dt class="col-sm-4">${tr('职责', 'Duty')}</dt><dd class="col-sm-8">${DUTY.label(r.duty)}</dd>
                    <dt class="col-sm-4">${tr('上报人', 'Reporter')}</dt><dd class="col-sm-8" data-testid="report-reporter">${r.reporterKind === 'RESIDENT' ? tr('居民（扫码反映）', 'A resident (unit page)') : r.reporter}${r.reporterKind && r.reporterKind !== 'RESIDENT' ? html` <small class="text-body-secondary">${r.reporterKind === 'LEADER' ? tr('（楼门栋长）', '(leader)') : tr('（工作人员）', '(staff)')}</small>` : null}</dd>
                    ${r.number ? html`<dt class="col-sm-4">${tr('居民查询编号', 'Public number')}</dt><dd class="col-sm-8 mono">${r.number}</dd>` : null}
                    ${r.reporterKind === 'RESIDENT' ? html`<dt class="col-sm-4">${tr('回电电话', 'Call-back phone')}</dt><dd class="col-sm-8" data-testid="report-resident-phone">${r.residentPhone ? html`<a href=${'tel:' + r.residentPhone}>${r.residentPhone}</a>` : tr('居民未留电话', 'none given')}</dd>` : null}
                    <dt class="col-sm-4">${tr('上报时间', 'Filed')}</dt><dd class="col-sm-8">${fmtDateTime(r.createdAt)}</dd>
                    <dt class="col-sm-4">${tr('办结时限', 'Due')}</dt><dd class="col-sm-8" data-testid="report-due">${fmtDateTime(r.dueAt)}${r.overdue ? html` <strong class="text-danger-emphasis">${tr('（已超时）', ' (overdue)')}</strong>` : null}</dd>
                    <dt class="col-sm-4">${tr('承办人', 'Assignee')}</dt><dd class="col-sm-8" data-testid="report-assignee-text">${r.assignee || '—'}</dd>
                    <dt class="col-sm-4">${tr('处理结果', 'Resolution')}</dt><dd class="col-sm-8">${r.resolution || '—'}</dd>
                  </dl>
                  ${photos.value.length ? html`<div class="d-flex flex-wrap gap-2 mt-3" data-testid="report-photos">${photos.value.map((u, i) => html`<a href=${u} target="_blank" rel="noopener"><img src=${u} class="report-photo" alt=${tr(`照片 ${i + 1}`, `Photo ${i + 1}`)} /></a>`)}</div>` : null}
                </div>
              </div>
            </div>
            <div class="col-12 col-lg-5">
              <div class="card mb-3"><div class="card-body">
                <h2 class="card-title">${tr('办理', 'Next step')}</h2>
                ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
                ${Actions()}
              </div></div>
            </div>
          </div>
          ${staff.value ? html`
            <${TableCard} busy=${history.loading} label=${tr('办理记录', 'History')} testid="report-history">
              <div class="card-body pb-0"><h2 class="card-title">${tr('办理记录', 'History')}</h2></div>
              ${history.error ? html`<${ErrorAlert} error=${history.error} />` : null}
              <${DataTable} columns=${historyColumns} rows=${history.data || []} rowKey="at" caption=${tr('办理记录', 'History')}
                empty=${tr('还没有办理记录', 'No steps yet')} />
            <//>` : null}
        </div>`;
    };
  },
});
