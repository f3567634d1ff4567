// 老年人智能手机培训 — the programme's console page (ProgrammeDefinition.consoleResources = "/console"). The console
// loads this module from the bundle and calls mount(element, ctx). One column, big buttons: trainers (leaders) use it
// on a phone in the classroom. Views: the courses (and the street's figures for staff), one course (lessons, trainees,
// enrolment), the roll of a lesson, a trainee's skills checklist, and the completion certificate to print
// (./certificate.js, A4). What a user may do follows the routes' roles (ElderSmartphoneTraining.routes); the server
// refuses the rest anyway.
import { certificateView } from './certificate.js';

export const SKILLS = [
  ['HEALTH_CODE', '健康码', 'Health code'],
  ['MOBILE_PAYMENT', '移动支付', 'Mobile payment'],
  ['VIDEO_CALL', '视频通话', 'Video calls'],
  ['RIDE_HAILING', '网约车', 'Ride hailing'],
  ['HOSPITAL_APPOINTMENT', '预约挂号', 'Hospital appointments'],
  ['FRAUD_PREVENTION', '防诈骗', 'Anti-fraud'],
  ['ONLINE_SERVICES', '网上办事', 'Online public services'],
];
/** The skills a new course may teach (the first version's 网上办事 is shown for old courses only). */
const OFFERED = SKILLS.slice(0, 6).map((s) => s[0]);
/** Who organises courses (POST /courses, lessons, cancellation, figures). */
const ORGANISERS = ['DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY'];
const MIN_AGE = 60;

/** 2号楼2单元 from a unit code (…B002U02). */
export function unitLabel(code, tr) {
  const m = /B(\d{3})U(\d{2})$/.exec(code || '');
  return m ? tr(`${Number(m[1])}号楼${Number(m[2])}单元`, `Building ${Number(m[1])}, entrance ${Number(m[2])}`) : (code || '');
}

/** Adds one of the page's stylesheets (served beside this module) while the page is shown. */
function stylesheet(name) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL(`./${name}`, import.meta.url).href;
  document.head.appendChild(link);
  return () => link.remove();
}

export default {
  mount(element, ctx) {
    const { html, vue, ui, i18n, tr } = ctx;
    const { defineComponent, reactive, ref, computed, nextTick } = vue;
    const { DataTable, Field, BusyButton, ErrorAlert, Loading, Empty, useLoad, useForm, toast, options, badge, confirmAction } = ui;
    const removeCss = [stylesheet('page.css'), stylesheet('certificate.css')];

    const skillName = (k) => { const x = SKILLS.find((e) => e[0] === k); return x ? tr(x[1], x[2]) : k; };
    const canOrganise = ctx.hasRole(...ORGANISERS);
    const thisYear = () => Number(i18n.today().slice(0, 4));
    const pct = (v) => (v == null ? '—' : `${Number(v).toFixed(2)}%`);
    const input = (obj, key, testid, type = 'text', extra = {}) => ({ id, invalid, describedBy }) => html`<input id=${id}
      type=${type} class=${'form-control form-control-lg' + (invalid ? ' is-invalid' : '')} aria-describedby=${describedBy}
      data-testid=${testid} value=${obj[key]} onInput=${(e) => { obj[key] = e.target.value; }} ...${extra} />`;
    const generalError = (f) => (f.error && !f.error.field ? html`<${ErrorAlert} error=${f.error} />` : null);
    const num = (v) => (v === '' || v == null ? null : Number(v));

    const Page = defineComponent({
      setup() {
        const view = reactive({ name: 'list', course: null, session: null, trainee: null });
        const communities = useLoad(() => ctx.api.core.get(`/public/streets/${ctx.street}/communities`));
        const mine = useLoad(() => ctx.communities());
        const communityName = (code) => ((communities.data || []).find((c) => c.code === code) || {}).name || code;
        const courses = useLoad(() => ctx.api.get('/courses'));
        const figures = useLoad(() => (canOrganise ? ctx.api.get('/statistics') : Promise.resolve(null)));
        const detail = useLoad(() => (view.course ? ctx.api.get(`/courses/${view.course}`) : Promise.resolve(null)), { immediate: false });

        const go = (name, more = {}) => {
          Object.assign(view, { session: null, trainee: null }, more, { name });
          if (name === 'list') { courses.reload(); figures.reload(); }
          if (name === 'course' && (more.course || more.reload)) {
            detail.reload().then(() => { if (more.course) { trainers.reload(); households.reload(); } });
          }
          if (name === 'roll') { roll.data = null; openRoll(); }
          nextTick(() => {
            const h = element.querySelector('[data-focus]');
            if (h) { h.focus(); h.scrollIntoView({ block: 'start' }); }
          });
        };
        const openCourse = (id) => { view.course = id; detail.data = null; go('course', { course: id }); };

        // ---- the courses and the figures
        const statusBadge = (c) => (c.status === 'CANCELLED' ? badge(tr('已取消', 'Cancelled'), 'secondary')
          : c.enrolled >= c.capacity ? badge(tr('已满员', 'Full'), 'warning') : badge(tr('报名中', 'Open'), 'success'));
        const courseCard = (c) => html`<li class="list-group-item et-item" key=${c.id} data-course=${c.id}>
          <div class="d-flex flex-wrap justify-content-between gap-2 align-items-start">
            <div>
              <h3 class="h5 mb-1">${c.title} ${statusBadge(c)}</h3>
              <p class="mb-1 text-body-secondary">${communityName(c.community)} · ${tr('开班', 'starts')} ${i18n.fmtDate(c.startsOn)}
                ${c.nextSession ? tr(` · 下次课 ${i18n.fmtDate(c.nextSession)}`, ` · next lesson ${i18n.fmtDate(c.nextSession)}`) : ''}</p>
              <p class="mb-0">${tr(`在册 ${c.enrolled} / ${c.capacity} 人 · 已结业 ${c.completed} 人 · ${c.sessions} 次课 · 出勤率 ${pct(c.attendanceRate)}`,
                `${c.enrolled} of ${c.capacity} enrolled · ${c.completed} completed · ${c.sessions} lessons · attendance ${pct(c.attendanceRate)}`)}</p>
              ${c.status === 'CANCELLED' ? html`<p class="mb-0 text-body-secondary">${tr('取消原因：', 'Reason: ')}${c.cancelReason}</p>` : null}
            </div>
            <button type="button" class="btn btn-primary btn-lg et-big" data-testid=${'open-course-' + c.id}
              aria-label=${tr(`打开「${c.title}」`, `Open “${c.title}”`)} onClick=${() => openCourse(c.id)}>${tr('打开', 'Open')}</button>
          </div></li>`;

        const figuresCard = () => (canOrganise && figures.data ? html`<section class="card mb-3" aria-labelledby="et-fig-h"><div class="card-body">
          <h2 class="card-title h4" id="et-fig-h">${tr('本街道统计', 'Figures of the street')}</h2>
          <${DataTable} rows=${[...figures.data.communities, { ...figures.data.total, community: null }]}
            empty=${tr('还没有培训班。', 'No course yet.')}
            columns=${[
              { key: 'community', label: tr('社区', 'Community'), cell: (r) => (r.community ? communityName(r.community) : html`<strong>${tr('合计', 'Total')}</strong>`) },
              { key: 'courses', label: tr('培训班', 'Courses'), class: 'text-end', cell: (r) => (r.cancelled ? tr(`${r.courses}（另取消 ${r.cancelled}）`, `${r.courses} (+${r.cancelled} cancelled)`) : String(r.courses)) },
              { key: 'trainees', label: tr('学员', 'Trainees'), class: 'text-end' },
              { key: 'completed', label: tr('结业', 'Completed'), class: 'text-end' },
              { key: 'completionRate', label: tr('结业率', 'Completion rate'), class: 'text-end', cell: (r) => pct(r.completionRate) },
              { key: 'attendanceRate', label: tr('出勤率', 'Attendance rate'), class: 'text-end', cell: (r) => pct(r.attendanceRate) },
            ]} />
          <p class="small text-body-secondary mb-0">${tr('结业率 = 结业学员 ÷ 在册学员；出勤率 = 到课人次 ÷ 已签到人次。已取消的培训班不计入。',
            'Completion rate = completed ÷ enrolled; attendance rate = present ÷ recorded on the rolls. Cancelled courses are left out.')}</p>
        </div></section>` : null);

        const course = reactive({ community: '', title: '', skills: [...OFFERED], startsOn: i18n.today(), capacity: '20', volunteers: '' });
        const courseForm = useForm();
        const toggleSkill = (k, on) => { course.skills = on ? [...course.skills.filter((s) => s !== k), k] : course.skills.filter((s) => s !== k); };
        const addCourse = async (e) => {
          e.preventDefault();
          const ok = await courseForm.run(() => ctx.api.post('/courses', {
            community: course.community, title: course.title,
            skills: OFFERED.filter((k) => course.skills.includes(k)),
            startsOn: course.startsOn || null, capacity: num(course.capacity),
            volunteers: course.volunteers.split(/[，,、;；\n]/).map((s) => s.trim()).filter(Boolean),
          }));
          if (ok) {
            toast(tr(`已开设培训班「${ok.title}」`, `Course “${ok.title}” added`));
            Object.assign(course, { title: '', volunteers: '' });
            openCourse(ok.id);
          }
        };
        const addCourseCard = () => (canOrganise ? html`<section class="card mb-3" aria-labelledby="et-add-h"><div class="card-body">
          <h2 class="card-title h4" id="et-add-h">${tr('开设培训班', 'Add a course')}</h2>
          <form onSubmit=${addCourse} novalidate data-testid="et-course-form">
            <${Field} label=${tr('社区', 'Community')} required error=${courseForm.err('community')}>${({ id, invalid }) => html`
              <select id=${id} class=${'form-select form-select-lg' + (invalid ? ' is-invalid' : '')} data-testid="et-community"
                onChange=${(e) => { course.community = e.target.value; }}>
                ${options((mine.data || []).map((c) => ({ value: c.code, label: c.name })), course.community, tr('请选择社区', 'Choose a community'))}</select>`}<//>
            <${Field} label=${tr('培训班名称', 'Title')} required error=${courseForm.err('title')}>${input(course, 'title', 'et-title', 'text', { maxlength: 100, autocomplete: 'off' })}<//>
            <fieldset class="mb-3" aria-describedby=${courseForm.err('skills') ? 'et-skills-err' : null}>
              <legend class="form-label fs-6 mb-1">${tr('技能清单（学员全部掌握即结业）', 'Skills checklist (all mastered: completed)')}<span class="text-danger ms-1" aria-hidden="true">*</span></legend>
              ${SKILLS.slice(0, 6).map((s) => html`<div class="form-check et-check" key=${s[0]}>
                <input class="form-check-input" type="checkbox" id=${'et-skill-' + s[0]} data-testid=${'et-skill-' + s[0]}
                  checked=${course.skills.includes(s[0])} onChange=${(e) => toggleSkill(s[0], e.target.checked)} />
                <label class="form-check-label" for=${'et-skill-' + s[0]}>${tr(s[1], s[2])}</label></div>`)}
              ${courseForm.err('skills') ? html`<div class="invalid-feedback d-block" id="et-skills-err" role="alert">${courseForm.err('skills')}</div>` : null}
            </fieldset>
            <${Field} label=${tr('开班日期', 'Starts on')} required error=${courseForm.err('startsOn')}>${input(course, 'startsOn', 'et-startsOn', 'date')}<//>
            <${Field} label=${tr('名额（人）', 'Places')} required error=${courseForm.err('capacity')} help=${tr('1 到 200', '1 to 200')}>${input(course, 'capacity', 'et-capacity', 'number', { min: 1, max: 200, inputmode: 'numeric' })}<//>
            <${Field} label=${tr('志愿者讲师（可选，多位用逗号分开）', 'Volunteer trainers (optional, separated by commas)')} error=${courseForm.err('volunteers')}>${input(course, 'volunteers', 'et-volunteers', 'text', { autocomplete: 'off' })}<//>
            ${generalError(courseForm)}
            <${BusyButton} type="submit" size="lg" busy=${courseForm.busy} testid="add-course">${tr('开设', 'Add the course')}<//>
          </form>
        </div></section>` : null);

        const listView = () => html`
          <p class="text-body-secondary">${tr(`帮助${ctx.streetName}的老年人用好智能手机：课次、签到、技能清单与结业证书。`,
            `Helping elders of ${ctx.streetName} use smartphones: lessons, the roll, a skills checklist and certificates.`)}</p>
          <section class="card mb-3" aria-labelledby="et-courses-h"><div class="card-body">
            <h2 class="card-title h4" id="et-courses-h" tabindex="-1" data-focus>${tr('培训班', 'Courses')}</h2>
            ${courses.error ? html`<${ErrorAlert} error=${courses.error} />` : !courses.data ? html`<${Loading} />`
              : courses.data.length === 0 ? html`<${Empty} text=${canOrganise ? tr('还没有培训班，请在下方开设。', 'No course yet: add one below.') : tr('社区还没有开设培训班。', 'The community has no course yet.')} />`
              : html`<ul class="list-group list-group-flush" data-testid="et-courses">${courses.data.map(courseCard)}</ul>`}
          </div></section>
          ${figuresCard()}
          ${addCourseCard()}`;

        // ---- one course
        const session = reactive({ heldOn: i18n.today(), startsAt: '09:30', place: '', topic: '', trainer: '' });
        const sessionForm = useForm();
        const trainers = useLoad(() => (canOrganise && detail.data ? ctx.api.get('/trainers', { community: detail.data.course.community }) : Promise.resolve([])), { immediate: false });
        const addSession = async (e) => {
          e.preventDefault();
          const [kind, who] = session.trainer.split(':');
          const ok = await sessionForm.run(() => ctx.api.post(`/courses/${view.course}/sessions`, {
            heldOn: session.heldOn || null, startsAt: session.startsAt || null, place: session.place, topic: session.topic || null,
            trainerLeader: kind === 'L' ? Number(who) : null, trainerVolunteer: kind === 'V' ? session.trainer.slice(2) : null,
          }));
          if (ok) { toast(tr('已添加课次', 'Lesson added')); Object.assign(session, { topic: '' }); detail.reload(); }
        };
        const households = useLoad(() => (detail.data ? ctx.api.get('/households', { community: detail.data.course.community }) : Promise.resolve([])), { immediate: false });
        const elder = reactive({ household: '', name: '', birthYear: '' });
        const enrolForm = useForm();
        const enrol = async (e) => {
          e.preventDefault();
          const ok = await enrolForm.run(() => ctx.api.post(`/courses/${view.course}/trainees`, {
            household: num(elder.household), name: elder.name, birthYear: num(elder.birthYear),
          }));
          if (ok) { toast(tr(`${ok.name} 已报名`, `${ok.name} enrolled`)); Object.assign(elder, { household: '', name: '', birthYear: '' }); }
          if (ok || (enrolForm.error && enrolForm.error.status === 409)) detail.reload();
        };
        const busy = ref(null);
        const withdraw = async (t) => {
          if (!(await confirmAction({ title: tr('退学', 'Withdraw'), body: tr(`${t.name} 退出本班后名额空出，签到与清单记录保留。确定吗？`, `${t.name} leaves the course; the place becomes free and the records stay. Go ahead?`), ok: tr('退学', 'Withdraw') }))) return;
          busy.value = 'w' + t.id;
          try { await ctx.api.post(`/courses/${view.course}/trainees/${t.id}/withdrawal`, {}); toast(tr(`${t.name} 已退学`, `${t.name} withdrew`)); } catch (err) { toast(err.text || String(err), 'danger'); }
          busy.value = null;
          detail.reload();
        };
        const cancelForm = useForm();
        const cancel = reactive({ reason: '' });
        const cancelCourse = async (e) => {
          e.preventDefault();
          if (!cancel.reason.trim()) { cancelForm.fields = { reason: tr('请写明取消原因', 'Say why the course is cancelled') }; return; }
          if (!(await confirmAction({ title: tr('取消培训班', 'Cancel the course'), body: tr('取消后不能再报名、签到或勾选技能，已有记录保留。此操作不能撤销。', 'No more enrolment, roll or ticks; the records stay. This cannot be undone.'), ok: tr('取消培训班', 'Cancel the course') }))) return;
          const ok = await cancelForm.run(() => ctx.api.post(`/courses/${view.course}/cancellation`, { reason: cancel.reason }));
          if (ok) { toast(tr('培训班已取消', 'The course was cancelled')); cancel.reason = ''; detail.reload(); }
        };

        const courseView = () => {
          if (detail.error) return html`<${ErrorAlert} error=${detail.error} />`;
          const d = detail.data;
          if (!d) return html`<${Loading} />`;
          const c = d.course;
          const running = c.status !== 'CANCELLED';
          const active = d.trainees.filter((t) => !t.withdrawnOn);
          const full = active.length >= c.capacity;
          const latest = thisYear() - MIN_AGE;
          const trainerChoices = [
            ...(trainers.data || []).map((l) => ({ value: `L:${l.id}`, label: tr(`${l.name}（楼门栋长）`, `${l.name} (leader)`) })),
            ...c.volunteers.map((v) => ({ value: `V:${v}`, label: tr(`${v}（志愿者）`, `${v} (volunteer)`) })),
          ];
          return html`
            <button type="button" class="btn btn-outline-dark btn-lg et-big mb-3" data-testid="et-back" onClick=${() => go('list')}>← ${tr('全部培训班', 'All courses')}</button>
            <section class="card mb-3" aria-labelledby="et-course-h"><div class="card-body">
              <h2 class="card-title h4" id="et-course-h" tabindex="-1" data-focus>${c.title} ${statusBadge(c)}</h2>
              <p class="mb-1">${communityName(c.community)} · ${tr('开班', 'starts')} ${i18n.fmtDate(c.startsOn)}</p>
              <p class="mb-1">${tr(`在册 ${c.enrolled} / ${c.capacity} 人 · 已结业 ${c.completed} 人 · 退学 ${c.withdrawn} 人 · 出勤率 ${pct(c.attendanceRate)}`,
                `${c.enrolled} of ${c.capacity} enrolled · ${c.completed} completed · ${c.withdrawn} withdrew · attendance ${pct(c.attendanceRate)}`)}</p>
              <p class="mb-0">${tr('技能清单：', 'Checklist: ')}${c.skills.map(skillName).join(tr('、', ', '))}</p>
              ${c.volunteers.length ? html`<p class="mb-0">${tr('志愿者讲师：', 'Volunteer trainers: ')}${c.volunteers.join(tr('、', ', '))}</p>` : null}
              ${!running ? html`<div class="alert alert-secondary mt-2 mb-0" role="status">${tr(`已于 ${i18n.fmtDate(c.cancelledOn)} 取消：${c.cancelReason}`, `Cancelled on ${i18n.fmtDate(c.cancelledOn)}: ${c.cancelReason}`)}</div>` : null}
            </div></section>

            <section class="card mb-3" aria-labelledby="et-sessions-h"><div class="card-body">
              <h3 class="card-title h5" id="et-sessions-h">${tr('课次', 'Lessons')}</h3>
              ${d.sessions.length === 0 ? html`<${Empty} text=${canOrganise ? tr('还没有课次，请在下方添加。', 'No lesson yet: add one below.') : tr('还没有课次。', 'No lesson yet.')} />` : html`
                <ul class="list-group list-group-flush" data-testid="et-sessions">${d.sessions.map((s) => html`<li class="list-group-item et-item" key=${s.id}>
                  <div class="fw-semibold">${i18n.fmtDate(s.heldOn)} ${s.startsAt || ''} · ${s.topic || tr('课程', 'Lesson')}</div>
                  <div>${tr('地点：', 'Place: ')}${s.place}</div>
                  <div>${tr('讲师：', 'Trainer: ')}${s.trainerName} ${badge(s.trainerKind === 'LEADER' ? tr('楼门栋长', 'Leader') : tr('志愿者', 'Volunteer'), 'light')}</div>
                  <div>${s.recorded ? tr(`签到：到课 ${s.present} / ${s.recorded} 人`, `Roll: ${s.present} of ${s.recorded} present`) : tr('尚未签到', 'Roll not taken')}</div>
                  ${d.mayTrain && running && s.heldOn <= i18n.today() ? html`<button type="button" class="btn btn-outline-primary btn-lg et-big mt-2"
                    data-testid=${'roll-' + s.id} onClick=${() => go('roll', { session: s })}>${s.recorded ? tr('修改签到', 'Change the roll') : tr('签到', 'Take the roll')}</button>` : null}
                </li>`)}</ul>`}
              ${canOrganise && running ? html`<form class="mt-3" onSubmit=${addSession} novalidate data-testid="et-session-form">
                <h4 class="h6">${tr('添加课次', 'Add a lesson')}</h4>
                <${Field} label=${tr('日期', 'Day')} required error=${sessionForm.err('heldOn')}>${input(session, 'heldOn', 'et-heldOn', 'date', { min: c.startsOn })}<//>
                <${Field} label=${tr('开始时间', 'Starts at')} error=${sessionForm.err('startsAt')}>${input(session, 'startsAt', 'et-startsAt', 'time')}<//>
                <${Field} label=${tr('地点', 'Place')} required error=${sessionForm.err('place')}>${input(session, 'place', 'et-place', 'text', { maxlength: 100 })}<//>
                <${Field} label=${tr('内容（可选）', 'Topic (optional)')} error=${sessionForm.err('topic')}>${input(session, 'topic', 'et-topic', 'text', { maxlength: 100 })}<//>
                <${Field} label=${tr('讲师', 'Trainer')} required error=${sessionForm.err('trainerLeader') || sessionForm.err('trainerVolunteer')}>${({ id, invalid }) => html`
                  <select id=${id} class=${'form-select form-select-lg' + (invalid ? ' is-invalid' : '')} data-testid="et-trainer"
                    onChange=${(e) => { session.trainer = e.target.value; }}>${options(trainerChoices, session.trainer, tr('请选择讲师', 'Choose a trainer'))}</select>`}<//>
                ${generalError(sessionForm)}
                <${BusyButton} type="submit" size="lg" busy=${sessionForm.busy} testid="add-session">${tr('添加课次', 'Add the lesson')}<//>
              </form>` : null}
            </div></section>

            <section class="card mb-3" aria-labelledby="et-trainees-h"><div class="card-body">
              <h3 class="card-title h5" id="et-trainees-h">${tr('学员', 'Trainees')}</h3>
              ${d.trainees.length === 0 ? html`<${Empty} text=${tr('还没有学员报名。', 'No one enrolled yet.')} />` : html`
                <ul class="list-group list-group-flush" data-testid="et-trainees">${d.trainees.map((t) => html`<li class="list-group-item et-item" key=${t.id} data-trainee=${t.id}>
                  <div class="fw-semibold">${t.name} <span class="fw-normal">${tr(`${thisYear() - t.birthYear} 岁`, `age ${thisYear() - t.birthYear}`)}</span>
                    ${t.completedOn ? badge(tr('已结业', 'Completed'), 'success') : t.withdrawnOn ? badge(tr('已退学', 'Withdrew'), 'secondary') : badge(tr('在训', 'In training'), 'info')}</div>
                  <div>${t.unit ? unitLabel(t.unit, tr) : ''}${t.unit ? ' · ' : ''}${tr(`出勤 ${t.attended} / ${t.rollCalls} 次`, `attended ${t.attended} of ${t.rollCalls}`)} · ${tr(`技能 ${t.skills.filter((k) => c.skills.includes(k)).length} / ${c.skills.length}`, `skills ${t.skills.filter((k) => c.skills.includes(k)).length} of ${c.skills.length}`)}</div>
                  <div class="d-flex flex-wrap gap-2 mt-2">
                    ${!t.withdrawnOn ? html`<button type="button" class="btn btn-outline-primary btn-lg et-big" data-testid=${'checklist-' + t.id}
                      onClick=${() => go('checklist', { trainee: t.id })}>${tr('技能清单', 'Checklist')}</button>` : null}
                    ${t.completedOn ? html`<button type="button" class="btn btn-success btn-lg et-big" data-testid=${'certificate-' + t.id}
                      onClick=${() => go('certificate', { trainee: t.id })}>${tr('结业证书', 'Certificate')}</button>` : null}
                    ${!t.withdrawnOn && !t.completedOn && running ? html`<${BusyButton} kind="outline-danger" size="lg" busy=${busy.value === 'w' + t.id}
                      testid=${'withdraw-' + t.id} onClick=${() => withdraw(t)}>${tr('退学', 'Withdraw')}<//>` : null}
                  </div>
                </li>`)}</ul>`}
              ${running ? html`<form class="mt-3" onSubmit=${enrol} novalidate data-testid="et-enrol-form">
                <h4 class="h6">${tr('报名', 'Enrol an elder')}</h4>
                ${full ? html`<div class="alert alert-warning" role="status">${tr(`本班名额已满（${c.capacity} 人），不能再报名。`, `The course is full (${c.capacity} places): no one else can enrol.`)}</div>` : null}
                <${Field} label=${tr('住户', 'Household')} required error=${enrolForm.err('household')}
                  help=${tr('老人须住在本社区；楼门栋长只能选自己负责的住户', 'The elder lives in the community; a leader chooses among the households they serve')}>${({ id, invalid }) => html`
                  <select id=${id} class=${'form-select form-select-lg' + (invalid ? ' is-invalid' : '')} data-testid="et-household"
                    onChange=${(e) => {
                      elder.household = e.target.value;
                      const h = (households.data || []).find((x) => String(x.id) === e.target.value);
                      if (h && !elder.name) elder.name = h.headName;
                    }}>${options((households.data || []).map((h) => ({ value: h.id, label: `${unitLabel(h.unit, tr)} ${h.room} · ${h.headName}` })), elder.household, tr('请选择住户', 'Choose a household'))}</select>`}<//>
                <${Field} label=${tr('老人姓名', 'Name')} required error=${enrolForm.err('name')}>${input(elder, 'name', 'et-name', 'text', { maxlength: 40, autocomplete: 'off' })}<//>
                <${Field} label=${tr('出生年份', 'Year of birth')} required error=${enrolForm.err('birthYear')}
                  help=${tr(`须年满 ${MIN_AGE} 岁：${latest} 年或以前出生`, `${MIN_AGE} or older: born in ${latest} or before`)}>${input(elder, 'birthYear', 'et-birthYear', 'number', { min: latest - 60, max: latest, inputmode: 'numeric' })}<//>
                ${generalError(enrolForm)}
                <${BusyButton} type="submit" size="lg" busy=${enrolForm.busy} disabled=${full} testid="enrol">${tr('报名', 'Enrol')}<//>
              </form>` : null}
            </div></section>

            ${canOrganise && running ? html`<section class="card mb-3 border-danger-subtle" aria-labelledby="et-cancel-h"><div class="card-body">
              <h3 class="card-title h5" id="et-cancel-h">${tr('取消培训班', 'Cancel the course')}</h3>
              <form onSubmit=${cancelCourse} novalidate>
                <${Field} label=${tr('取消原因', 'Reason')} required error=${cancelForm.err('reason')}>${input(cancel, 'reason', 'et-cancel-reason', 'text', { maxlength: 200 })}<//>
                ${generalError(cancelForm)}
                <${BusyButton} type="submit" kind="outline-danger" size="lg" busy=${cancelForm.busy} testid="cancel-course">${tr('取消培训班', 'Cancel the course')}<//>
              </form>
            </div></section>` : null}`;
        };

        // ---- the roll of one lesson
        const roll = useLoad(() => (view.session ? ctx.api.get(`/courses/${view.course}/sessions/${view.session.id}/attendance`) : Promise.resolve([])), { immediate: false });
        const present = reactive({});
        const rollForm = useForm();
        const openRoll = () => {
          roll.reload().then(() => { Object.keys(present).forEach((k) => delete present[k]); (roll.data || []).forEach((e) => { present[e.trainee] = e.present !== false; }); });
        };
        const saveRoll = async () => {
          const ok = await rollForm.run(() => ctx.api.put(`/courses/${view.course}/sessions/${view.session.id}/attendance`, {
            present: Object.keys(present).filter((k) => present[k]).map(Number),
          }));
          if (ok) { toast(tr(`已签到：到课 ${ok.present} / ${ok.recorded} 人`, `Roll saved: ${ok.present} of ${ok.recorded} present`)); go('course', { reload: true }); }
        };
        const rollView = () => {
          const s = view.session;
          return html`
            <button type="button" class="btn btn-outline-dark btn-lg et-big mb-3" onClick=${() => go('course', { reload: true })}>← ${tr('返回培训班', 'Back to the course')}</button>
            <section class="card mb-3" aria-labelledby="et-roll-h"><div class="card-body">
              <h2 class="card-title h4" id="et-roll-h" tabindex="-1" data-focus>${tr('签到：', 'Roll: ')}${i18n.fmtDate(s.heldOn)} ${s.topic || ''}</h2>
              <p>${tr('点一下学员姓名，勾上即为到课。', 'Tap a name: ticked means present.')}</p>
              ${roll.error ? html`<${ErrorAlert} error=${roll.error} />` : !roll.data ? html`<${Loading} />` : roll.data.length === 0
                ? html`<${Empty} text=${tr('本班没有在册学员。', 'No one is enrolled.')} />` : html`
                <div class="d-grid gap-2" data-testid="et-roll">${roll.data.map((e) => html`<div class="form-check et-toggle" key=${e.trainee}>
                  <input class="form-check-input" type="checkbox" id=${'et-present-' + e.trainee} data-testid=${'present-' + e.trainee}
                    checked=${!!present[e.trainee]} onChange=${(ev) => { present[e.trainee] = ev.target.checked; }} />
                  <label class="form-check-label" for=${'et-present-' + e.trainee}>${e.name} <span class="visually-hidden">${tr('到课', 'present')}</span></label></div>`)}</div>`}
              ${generalError(rollForm)}
              ${rollForm.err('present') ? html`<div class="alert alert-danger" role="alert">${rollForm.err('present')}</div>` : null}
              <${BusyButton} size="lg" busy=${rollForm.busy} testid="save-roll" onClick=${saveRoll}>${tr('保存签到', 'Save the roll')}<//>
            </div></section>`;
        };

        // ---- a trainee's checklist
        const checklistForm = useForm();
        const tick = async (t, skill, mastered) => {
          busy.value = skill;
          const ok = await checklistForm.run(() => ctx.api.post(`/courses/${view.course}/trainees/${t.id}/skills`, { skill, mastered }));
          busy.value = null;
          if (ok) {
            if (ok.completedOn && !t.completedOn) toast(tr(`${ok.name} 已掌握全部技能，结业！`, `${ok.name} mastered every skill: completed!`));
            detail.reload();
          }
        };
        const checklistView = () => {
          const d = detail.data;
          const t = d && d.trainees.find((x) => x.id === view.trainee);
          if (!t) return html`<${Loading} />`;
          const c = d.course;
          return html`
            <button type="button" class="btn btn-outline-dark btn-lg et-big mb-3" onClick=${() => go('course', { reload: true })}>← ${tr('返回培训班', 'Back to the course')}</button>
            <section class="card mb-3" aria-labelledby="et-check-h"><div class="card-body">
              <h2 class="card-title h4" id="et-check-h" tabindex="-1" data-focus>${tr(`${t.name} 的技能清单`, `${t.name}'s checklist`)}</h2>
              <p>${t.completedOn ? html`${badge(tr('已结业', 'Completed'), 'success')} ${i18n.fmtDate(t.completedOn)}` : tr('讲师看到老人独立完成后勾选；全部勾选即结业。', 'Tick a skill once the elder did it alone; all ticked: completed.')}</p>
              ${!d.mayTrain ? html`<div class="alert alert-info" role="status">${tr('只有本班讲师或社区工作人员可以勾选。', 'Only the course\'s trainers and community staff tick skills.')}</div>` : null}
              ${generalError(checklistForm)}
              <ul class="list-unstyled d-grid gap-2" data-testid="et-checklist">${c.skills.map((k) => {
                const done = t.skills.includes(k);
                return html`<li key=${k}><button type="button" class=${'btn btn-lg w-100 text-start et-skill ' + (done ? 'btn-success' : 'btn-outline-dark')}
                  aria-pressed=${done ? 'true' : 'false'} data-testid=${'skill-' + k} disabled=${!d.mayTrain || busy.value === k || (done && !!t.completedOn) || c.status === 'CANCELLED'}
                  onClick=${() => tick(t, k, !done)}><span aria-hidden="true">${done ? '✔ ' : '○ '}</span>${skillName(k)}
                  <span class="float-end">${done ? tr('已掌握', 'Mastered') : tr('未掌握', 'Not yet')}</span></button></li>`;
              })}</ul>
              ${t.completedOn ? html`<button type="button" class="btn btn-success btn-lg et-big" data-testid=${'certificate-' + t.id}
                onClick=${() => go('certificate', { trainee: t.id })}>${tr('打印结业证书', 'Print the certificate')}</button>` : null}
            </div></section>`;
        };

        const Certificate = certificateView(ctx, () => go('course', { reload: true }), communityName);

        return () => html`
          <div data-testid="elder-smartphone-training-page" class="et-page">
            ${view.name === 'list' ? listView() : view.name === 'course' ? courseView() : view.name === 'roll' ? rollView()
              : view.name === 'checklist' ? checklistView() : html`<${Certificate} course=${view.course} trainee=${view.trainee} />`}
          </div>`;
      },
    });

    const app = vue.createApp(Page);
    app.mount(element);
    return () => { app.unmount(); removeCss.forEach((f) => f()); };
  },
};
