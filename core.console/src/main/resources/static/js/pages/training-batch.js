// 入职培训班: one batch — its days, place, trainers and curriculum; enrolling approved candidates of the street's
// communities (and those to retake); attendance per day; the assessment (合格 / 不合格 / 缺考, with a note); and
// certification of those who passed (work ID given or made by the street's pattern, armband date). Printable roster.
import { html, defineComponent, reactive, computed } from '../lib.js';
import { tr, fmtDate, today } from '../i18n.js';
import { api } from '../api.js';
import { route } from '../router.js';
import { PageHeader, Field, options, ErrorAlert, BusyButton, DataTable, Loading, Empty, badge, toast, useLoad, useForm, confirmAction } from '../ui.js';
import { BatchForm } from './training.js';
import { statusBadge } from '../people.js';
import { RESULT, resultBadge, mayRun } from '../widgets/training-common.js';

export default defineComponent({
  setup() {
    const id = route.params.id;
    const batch = useLoad(() => api.get(`/training-batches/${id}`));
    const roster = useLoad(() => api.get(`/training-batches/${id}/roster`));
    const candidates = useLoad(() => (mayRun() ? api.get(`/training-batches/${id}/candidates`) : Promise.resolve([])));
    const reload = () => Promise.all([batch.reload(), roster.reload(), candidates.reload()]);

    // ---- editing, cancelling, withdrawing one trainee (while no assessment is recorded)
    const editing = reactive({ on: false });
    const wd = reactive({ leader: '', reason: '' });
    const wdForm = useForm();
    const withdraw = async (e) => {
      e.preventDefault();
      const who = (roster.data || []).find((r) => String(r.leader) === wd.leader);
      if (!who) return;
      if (!(await confirmAction({ title: tr('退训', 'Withdraw from the batch'), body: tr(`${who.name} 将退出本班，恢复为“已通过审议”，可报名以后的培训班。退训记录保留。`,
        `${who.name} leaves the batch and is approved again, free to join a later batch. The record is kept.`), ok: tr('退训', 'Withdraw') }))) return;
      const r = await wdForm.run(() => api.post(`/training-batches/${id}/withdrawals`, { leader: Number(wd.leader), reason: wd.reason.trim() || null }));
      if (r) { toast(tr(`${who.name} 已退训`, `${who.name} withdrawn`)); wd.leader = ''; wd.reason = ''; reload(); }
    };
    const cx = reactive({ reason: '' });
    const cxForm = useForm();
    const cancelBatch = async (e) => {
      e.preventDefault();
      const n = batch.data.enrolled;
      if (!(await confirmAction({ title: tr('取消培训班', 'Cancel the batch'), body: tr(`取消后本班不再开课；已报名的 ${n} 人全部退训，恢复为“已通过审议”。培训班和报名记录保留。`,
        `The batch will not run; its ${n} trainees are withdrawn and approved again. The batch and the enrolments are kept.`), ok: tr('取消培训班', 'Cancel the batch') }))) return;
      const r = await cxForm.run(() => api.post(`/training-batches/${id}/cancellation`, { reason: cx.reason.trim() || null }));
      if (r) { toast(tr('培训班已取消', 'Batch cancelled')); cx.reason = ''; reload(); }
    };

    // ---- enrolment
    const pick = reactive({ chosen: new Set() });
    const enrolForm = useForm();
    const toggle = (lid, on) => { const s = new Set(pick.chosen); if (on) s.add(lid); else s.delete(lid); pick.chosen = s; };
    const enrol = async () => {
      const r = await enrolForm.run(() => api.post(`/training-batches/${id}/enrolments`, { leaders: [...pick.chosen] }));
      if (r) { toast(tr(`已报名 ${pick.chosen.size} 人`, `${pick.chosen.size} enrolled`)); pick.chosen = new Set(); reload(); }
    };

    // ---- attendance of one day
    const att = reactive({ day: '', present: null });
    const attForm = useForm();
    const day = computed(() => att.day || (batch.data ? (batch.data.days.includes(today()) ? today() : batch.data.days[0]) : ''));
    const presentSet = computed(() => att.present || new Set((roster.data || []).filter((r) => r.attended.includes(day.value)).map((r) => r.leader)));
    const togglePresent = (lid, on) => { const s = new Set(presentSet.value); if (on) s.add(lid); else s.delete(lid); att.present = s; };
    const saveAttendance = async () => {
      const r = await attForm.run(() => api.put(`/training-batches/${id}/attendance/${day.value}`, { present: [...presentSet.value] }));
      if (r) { roster.data = r; att.present = null; toast(tr(`${fmtDate(day.value)} 出勤已保存`, `Attendance of ${fmtDate(day.value)} saved`)); }
    };

    // ---- assessment and certification
    const as = reactive({ leader: '', result: 'PASSED', note: '' });
    const asForm = useForm();
    const assess = async (e) => {
      e.preventDefault();
      const r = await asForm.run(() => api.post(`/training-batches/${id}/assessments`, { leader: as.leader ? Number(as.leader) : null, result: as.result, note: as.note.trim() || null }));
      if (r) { toast(tr(`${r.name}：${RESULT[r.result][0]}`, `${r.name}: ${RESULT[r.result][1]}`)); as.leader = ''; as.note = ''; reload(); }
    };
    const ce = reactive({ leader: '', workId: '', armband: today() });
    const ceForm = useForm();
    const certify = async (e) => {
      e.preventDefault();
      const r = await ceForm.run(() => api.post(`/training-batches/${id}/certifications`, { leader: ce.leader ? Number(ce.leader) : null, workId: ce.workId.trim() || null, armbandIssuedOn: ce.armband }));
      if (r) { toast(tr(`${r.name} 已发证，工作证号 ${r.workId}`, `${r.name} certified, work ID ${r.workId}`)); ce.leader = ''; ce.workId = ''; reload(); }
    };

    const rosterColumns = () => [
      { key: 'name', label: () => tr('姓名', 'Name'), sortable: true, cell: (r) => html`<a href=${'#/leaders/' + r.leader}>${r.name}</a>` },
      { key: 'communityName', label: () => tr('社区', 'Community'), sortable: true },
      { key: 'status', label: () => tr('状态', 'Status'), cell: (r) => (r.status ? statusBadge(r.status) : '') },
      { key: 'attended', label: () => tr('出勤', 'Attended'), cell: (r) => tr(`${r.attended.length}/${batch.data.days.length} 天`, `${r.attended.length}/${batch.data.days.length} days`) },
      { key: 'result', label: () => tr('考核', 'Result'), sortable: true, cell: (r) => html`<span data-testid=${'result-' + r.leader}>${resultBadge(r.result)}</span>` },
      { key: 'note', label: () => tr('备注', 'Note'), cell: (r) => r.note || '' },
      { key: 'workId', label: () => tr('工作证号', 'Work ID'), cell: (r) => (r.workId ? html`<span class="mono" data-testid=${'workid-' + r.leader}>${r.workId}</span>` : '') },
    ];

    const Info = (b) => html`<div class="card card-body mb-3" data-testid="batch-info">
      <dl class="row mb-0">
        <dt class="col-sm-2">${tr('街镇', 'Street')}</dt><dd class="col-sm-10">${b.streetName}</dd>
        <dt class="col-sm-2">${tr('日期', 'Dates')}</dt><dd class="col-sm-10">${fmtDate(b.startsOn)} – ${fmtDate(b.endsOn)}${tr(`（${b.days.length} 天）`, ` (${b.days.length} days)`)}</dd>
        <dt class="col-sm-2">${tr('地点', 'Place')}</dt><dd class="col-sm-10">${b.place}</dd>
        <dt class="col-sm-2">${tr('授课人', 'Trainers')}</dt><dd class="col-sm-10">${b.trainers.join('、')}</dd>
        <dt class="col-sm-2">${tr('课程', 'Curriculum')}</dt><dd class="col-sm-10"><ol class="mb-0 ps-3">${b.curriculum.map((c) => html`<li>${c}</li>`)}</ol></dd>
        ${b.state === 'CANCELLED' ? html`<dt class="col-sm-2">${tr('状态', 'State')}</dt><dd class="col-sm-10" data-testid="batch-cancelled">${badge(tr('已取消', 'Cancelled'), 'secondary')} ${fmtDate((b.cancelledAt || '').slice(0, 10))} ${b.cancelReason || ''}</dd>` : null}
        <dt class="col-sm-2">${tr('人数', 'Figures')}</dt><dd class="col-sm-10" data-testid="batch-counts">${tr(`报名 ${b.enrolled}，合格 ${b.passed}，不合格 ${b.failed}，缺考 ${b.absent}，已发证 ${b.certified}`, `${b.enrolled} enrolled, ${b.passed} passed, ${b.failed} failed, ${b.absent} absent, ${b.certified} certified`)}${b.withdrawn ? tr(`，退训 ${b.withdrawn}`, `, ${b.withdrawn} withdrawn`) : ''}</dd>
      </dl></div>`;

    const Candidates = () => html`<div class="card card-body mb-3" data-testid="candidates">
      <h2 class="card-title h5">${tr('报名', 'Enrol')} <small class="text-body-secondary fw-normal">${tr('（已通过代表会议审议的候选人，及上次未通过需补训的）', '(approved candidates, and those to retake)')}</small></h2>
      <${ErrorAlert} error=${candidates.error || enrolForm.error} />
      ${candidates.data && !candidates.data.length ? html`<p class="text-body-secondary mb-0">${tr('本街镇暂无待培训的候选人。', 'No candidates waiting in the street.')}</p>` : null}
      <div class="row g-1">
        ${(candidates.data || []).map((c) => html`<div class="col-12 col-md-6 col-xl-4" key=${c.leader}><div class="form-check">
          <input class="form-check-input" type="checkbox" id=${'cand-' + c.leader} data-testid=${'cand-' + c.leader}
                 checked=${pick.chosen.has(c.leader)} onChange=${(e) => toggle(c.leader, e.target.checked)} />
          <label class="form-check-label" for=${'cand-' + c.leader}>${c.name}（${c.communityName}）${c.retake ? html` ${badge(tr('补训', 'Retake'), 'warning')}` : null}</label>
        </div></div>`)}
      </div>
      ${candidates.data && candidates.data.length ? html`<div class="mt-2"><${BusyButton} busy=${enrolForm.busy} disabled=${!pick.chosen.size} testid="enrol-submit" onClick=${enrol}>${tr(`报名所选（${pick.chosen.size} 人）`, `Enrol the chosen (${pick.chosen.size})`)}<//></div>` : null}
    </div>`;

    const Changes = (b) => {
      const open = (roster.data || []).filter((r) => !r.result);
      return html`<div class="card card-body mb-3" data-testid="batch-changes">
        <h2 class="card-title h5">${tr('退训和取消', 'Withdraw or cancel')} <small class="text-body-secondary fw-normal">${tr('（考核开始前）', '(before the assessment)')}</small></h2>
        ${open.length ? html`<form class="row g-2 align-items-end mb-3" novalidate onSubmit=${withdraw} data-testid="withdraw-form">
          ${wdForm.error && !wdForm.error.field ? html`<div class="col-12"><${ErrorAlert} error=${wdForm.error} /></div>` : null}
          <${Field} col="col-12 col-md-4 mb-0" label=${tr('学员', 'Trainee')} required error=${wdForm.err('leader')}>${({ id: fid }) => html`
            <select id=${fid} class="form-select" data-testid="withdraw-leader" onChange=${(e) => { wd.leader = e.target.value; }}>
              ${options(open.map((r) => ({ value: r.leader, label: `${r.name}（${r.communityName}）` })), wd.leader, tr('请选择', 'Choose'))}</select>`}<//>
          <${Field} col="col-12 col-md-5 mb-0" label=${tr('退训原因', 'Reason')} required error=${wdForm.err('reason')}>${({ id: fid }) => html`
            <input id=${fid} class=${'form-control' + (wdForm.err('reason') ? ' is-invalid' : '')} maxlength="300" data-testid="withdraw-reason" value=${wd.reason} onInput=${(e) => { wd.reason = e.target.value; }} />`}<//>
          <div class="col-12 col-md-3"><${BusyButton} type="submit" kind="outline-danger" busy=${wdForm.busy} disabled=${!wd.leader} testid="withdraw-submit">${tr('退训', 'Withdraw')}<//></div>
        </form>` : null}
        <form class="row g-2 align-items-end" novalidate onSubmit=${cancelBatch} data-testid="cancel-form">
          ${cxForm.error && !cxForm.error.field ? html`<div class="col-12"><${ErrorAlert} error=${cxForm.error} /></div>` : null}
          <${Field} col="col-12 col-md-9 mb-0" label=${tr('取消培训班的原因', 'Why the batch is cancelled')} required error=${cxForm.err('reason')}>${({ id: fid }) => html`
            <input id=${fid} class=${'form-control' + (cxForm.err('reason') ? ' is-invalid' : '')} maxlength="300" data-testid="cancel-reason" value=${cx.reason} onInput=${(e) => { cx.reason = e.target.value; }} />`}<//>
          <div class="col-12 col-md-3"><${BusyButton} type="submit" kind="danger" busy=${cxForm.busy} testid="cancel-submit">${tr('取消培训班', 'Cancel the batch')}<//></div>
        </form>
      </div>`;
    };

    const Attendance = (b) => html`<div class="card card-body mb-3" data-testid="attendance">
      <h2 class="card-title h5">${tr('考勤', 'Attendance')}</h2>
      <${ErrorAlert} error=${attForm.error} />
      <div class="row g-2 align-items-end mb-2">
        <${Field} col="col-12 col-md-4 mb-0" label=${tr('培训日', 'Day')}>${({ id: fid }) => html`
          <select id=${fid} class="form-select" data-testid="att-day" onChange=${(e) => { att.day = e.target.value; att.present = null; }}>
            ${options(b.days.map((d) => ({ value: d, label: fmtDate(d) })), day.value)}</select>`}<//>
      </div>
      <div class="row g-1">
        ${(roster.data || []).filter((r) => !r.workId || r.attended.includes(day.value)).map((r) => html`<div class="col-12 col-md-6 col-xl-4" key=${r.leader}><div class="form-check">
          <input class="form-check-input" type="checkbox" id=${'att-' + r.leader} data-testid=${'att-' + r.leader}
                 checked=${presentSet.value.has(r.leader)} onChange=${(e) => togglePresent(r.leader, e.target.checked)} />
          <label class="form-check-label" for=${'att-' + r.leader}>${r.name}（${r.communityName}）</label></div></div>`)}
      </div>
      <div class="mt-2"><${BusyButton} busy=${attForm.busy} testid="att-save" onClick=${saveAttendance}>${tr(`保存 ${fmtDate(day.value)} 出勤（${presentSet.value.size} 人）`, `Save attendance of ${fmtDate(day.value)} (${presentSet.value.size})`)}<//></div>
    </div>`;

    const Assess = () => {
      const open = (roster.data || []).filter((r) => !r.workId);
      return html`<form class="card card-body mb-3" novalidate onSubmit=${assess} data-testid="assess-form">
        <h2 class="card-title h5">${tr('考核', 'Assessment')}</h2>
        ${asForm.error && !asForm.error.field ? html`<${ErrorAlert} error=${asForm.error} />` : null}
        <div class="row g-2">
          <${Field} col="col-12 col-md-3" label=${tr('学员', 'Trainee')} required error=${asForm.err('leader')}>${({ id: fid }) => html`
            <select id=${fid} class="form-select" data-testid="assess-leader" onChange=${(e) => { as.leader = e.target.value; }}>
              ${options(open.map((r) => ({ value: r.leader, label: `${r.name}（${r.communityName}）` })), as.leader, tr('请选择', 'Choose'))}</select>`}<//>
          <${Field} col="col-12 col-md-3" label=${tr('结果', 'Result')} required error=${asForm.err('result')}>${({ id: fid }) => html`
            <select id=${fid} class="form-select" data-testid="assess-result" onChange=${(e) => { as.result = e.target.value; }}>
              ${options(Object.entries(RESULT).map(([k, w]) => ({ value: k, label: tr(w[0], w[1]) })), as.result)}</select>`}<//>
          <${Field} col="col-12 col-md-6" label=${tr('备注（不合格、缺考须填写）', 'Note (required unless passed)')} required=${as.result !== 'PASSED'} error=${asForm.err('note')}>${({ id: fid }) => html`
            <input id=${fid} class=${'form-control' + (asForm.err('note') ? ' is-invalid' : '')} maxlength="500" data-testid="assess-note" value=${as.note} onInput=${(e) => { as.note = e.target.value; }} />`}<//>
        </div>
        <div><${BusyButton} type="submit" busy=${asForm.busy} disabled=${!as.leader} testid="assess-submit">${tr('保存考核结果', 'Save the result')}<//></div>
      </form>`;
    };

    const Certify = () => {
      const passed = (roster.data || []).filter((r) => r.result === 'PASSED' && !r.workId);
      return html`<form class="card card-body mb-3" novalidate onSubmit=${certify} data-testid="certify-form">
        <h2 class="card-title h5">${tr('发放工作证和袖标', 'Issue the work ID and armband')}</h2>
        <p class="small mb-2">${tr('只有考核合格的学员可以发证。工作证号留空时按本街镇的编号规则自动生成，在本街镇内不重复。', 'Only those who passed are certified. Leave the work ID empty to have it made by the street\u2019s pattern; it is unique in the street.')}</p>
        ${ceForm.error && !ceForm.error.field ? html`<${ErrorAlert} error=${ceForm.error} />` : null}
        ${passed.length ? html`<div class="row g-2">
          <${Field} col="col-12 col-md-4" label=${tr('合格学员', 'Passed trainee')} required error=${ceForm.err('leader')}>${({ id: fid }) => html`
            <select id=${fid} class="form-select" data-testid="certify-leader" onChange=${(e) => { ce.leader = e.target.value; }}>
              ${options(passed.map((r) => ({ value: r.leader, label: `${r.name}（${r.communityName}）` })), ce.leader, tr('请选择', 'Choose'))}</select>`}<//>
          <${Field} col="col-12 col-md-4" label=${tr('工作证号（可留空）', 'Work ID (may be empty)')} error=${ceForm.err('workId')}>${({ id: fid }) => html`
            <input id=${fid} class=${'form-control' + (ceForm.err('workId') ? ' is-invalid' : '')} maxlength="32" data-testid="certify-workid" value=${ce.workId} onInput=${(e) => { ce.workId = e.target.value; }} />`}<//>
          <${Field} col="col-12 col-md-4" label=${tr('袖标发放日期', 'Armband issued on')} required error=${ceForm.err('armbandIssuedOn')}>${({ id: fid }) => html`
            <input id=${fid} type="date" class="form-control" max=${today()} data-testid="certify-armband" value=${ce.armband} onInput=${(e) => { ce.armband = e.target.value; }} />`}<//>
        </div>
        <div><${BusyButton} type="submit" busy=${ceForm.busy} disabled=${!ce.leader} testid="certify-submit">${tr('发证', 'Certify')}<//></div>`
          : html`<p class="text-body-secondary mb-0" data-testid="certify-none">${tr('暂无待发证的合格学员。', 'No passed trainee waits for certification.')}</p>`}
      </form>`;
    };

    return () => {
      const b = batch.data;
      const crumbs = [{ label: tr('入职培训', 'Onboarding training'), href: '#/training' }];
      const title = b ? b.title : tr('培训班', 'Batch');
      if (batch.error) return html`<div><${PageHeader} title=${title} crumbs=${crumbs} /><${ErrorAlert} error=${batch.error} /></div>`;
      if (!b) return html`<div><${PageHeader} title=${title} crumbs=${crumbs} /><${Loading} /></div>`;
      return html`<div>
        <${PageHeader} title=${title} crumbs=${crumbs}>
          ${mayRun() && b.state === 'OPEN' && !editing.on ? html`<button type="button" class="btn btn-outline-dark" data-testid="batch-edit" onClick=${() => { editing.on = true; }}>${tr('修改培训班', 'Edit the batch')}</button>` : null}
          <a class="btn btn-outline-dark" href=${'#/print/training/' + id} data-testid="print-roster">${tr('打印花名册和成绩', 'Print roster and results')}</a>
        <//>
        ${editing.on ? html`<${BatchForm} batch=${b} onDone=${() => { editing.on = false; reload(); }} onCancel=${() => { editing.on = false; }} />` : Info(b)}
        ${mayRun() && b.state !== 'CANCELLED' ? Candidates() : null}
        <div class="card card-body mb-3">
          <h2 class="card-title h5">${tr('花名册', 'Roster')}</h2>
          <${ErrorAlert} error=${roster.error} />
          <div data-testid="roster"><${DataTable} columns=${rosterColumns()} rows=${roster.data || []} rowKey="leader" caption=${tr('花名册', 'Roster')}
            empty=${b.state === 'CANCELLED' ? tr('培训班已取消，学员已全部退训（记录保留在各人的培训记录中）。', 'The batch is cancelled: every trainee was withdrawn (kept in their training records).')
              : tr('还没有学员：在上面勾选候选人并报名。', 'No trainees yet: tick candidates above and enrol them.')} /></div>
        </div>
        ${mayRun() && b.state !== 'CANCELLED' && roster.data && roster.data.length ? html`${Attendance(b)}${Assess()}${Certify()}` : null}
        ${mayRun() && b.state === 'OPEN' ? Changes(b) : null}
      </div>`;
    };
  },
});
