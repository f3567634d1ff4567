// 老年人智能手机培训 — the programme's console page (ProgrammeDefinition.consoleResources = "/console"). The console
// loads this module from the bundle and calls mount(element, ctx). Staff of a community run its courses; leaders (and
// staff) enrol the elders they serve and record who completed. What a user may do follows the routes' roles
// (ElderSmartphoneTraining.routes): only organisers create courses.
const SKILLS = [
  ['HEALTH_CODE', '健康码与就医挂号', 'Health code and hospital appointments'],
  ['MOBILE_PAYMENT', '移动支付', 'Mobile payment'],
  ['VIDEO_CALL', '视频通话', 'Video calls'],
  ['ONLINE_SERVICES', '网上办事', 'Online public services'],
  ['FRAUD_PREVENTION', '防范电信诈骗', 'Avoiding phone and online fraud'],
];
/** Who may create a course (POST /courses): the organisers. */
const ORGANISERS = ['DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY'];
/** Trainees are elders: 60 or older in the year they enrol. */
const MIN_AGE = 60;

export default {
  mount(element, ctx) {
    const { html, vue, ui, i18n, tr } = ctx;
    const { defineComponent, reactive, ref, computed, nextTick } = vue;
    const { DataTable, Field, BusyButton, ErrorAlert, Loading, useLoad, useForm, toast, options, badge } = ui;

    const skillName = (k) => { const x = SKILLS.find((e) => e[0] === k); return x ? tr(x[1], x[2]) : k; };
    const holds = (roles) => ctx.user.bindings.some((b) => roles.includes(b.role)
      && (ctx.street.startsWith(b.node) || b.node.startsWith(ctx.street)));
    const coversStreet = ctx.user.bindings.some((b) => ['DISTRICT_ADMIN', 'STREET_ADMIN'].includes(b.role)
      && ctx.street.startsWith(b.node));
    /** The communities the user works in: all of the street's for its admins, else those of their bindings. */
    const mine = (list) => (coversStreet ? list
      : list.filter((c) => ctx.user.bindings.some((b) => b.node.startsWith(c.code) || c.code.startsWith(b.node))));
    const thisYear = () => Number(i18n.today().slice(0, 4));
    /** The API's 409 for a full course, in words. */
    const inWords = (e, course) => {
      if (e && e.status === 409 && e.code === 'course-full') {
        return new Error(tr(`「${course.title}」已满员（${course.capacity} 人），不能再报名。可以另开一期培训班。`,
          `“${course.title}” is full (${course.capacity} places): no one else can enrol. Open another course.`));
      }
      return e;
    };

    const Page = defineComponent({
      setup() {
        const canOrganise = holds(ORGANISERS);
        const communities = useLoad(() => ctx.api.core.get(`/public/streets/${ctx.street}/communities`));
        const courses = useLoad(() => ctx.api.get('/courses'));
        const selected = ref(null);
        const trainees = useLoad(() => (selected.value
          ? ctx.api.get(`/courses/${selected.value.id}/trainees`) : Promise.resolve([])), { immediate: false });
        const communityName = (code) => ((communities.data || []).find((c) => c.code === code) || {}).name || code;
        /** The selected course as the list shows it now (its counts change as people enrol). */
        const current = computed(() => (selected.value && (courses.data || []).find((c) => c.id === selected.value.id))
          || selected.value);
        const full = computed(() => current.value && current.value.enrolled >= current.value.capacity);

        // a new course (organisers)
        const course = reactive({ community: '', title: '', skills: [], startsOn: i18n.today(), capacity: '20' });
        const courseForm = useForm();
        const toggleSkill = (k, on) => {
          course.skills = on ? [...course.skills.filter((s) => s !== k), k] : course.skills.filter((s) => s !== k);
        };
        const addCourse = async (e) => {
          e.preventDefault();
          const ok = await courseForm.run(() => ctx.api.post('/courses', {
            community: course.community, title: course.title,
            skills: SKILLS.map((s) => s[0]).filter((k) => course.skills.includes(k)),
            startsOn: course.startsOn || null, capacity: course.capacity === '' ? null : Number(course.capacity),
          }));
          if (ok) {
            toast(tr(`已开设培训班「${ok.title}」`, `Course “${ok.title}” added`));
            Object.assign(course, { title: '', skills: [] });
            courses.reload();
          }
        };

        // trainees of one course
        const open = (row) => {
          selected.value = row;
          trainees.data = null;
          enrolForm.error = null; enrolForm.fields = {};
          trainees.reload();
          nextTick(() => {
            const h = element.querySelector('#et-trainees-h');
            if (h) { h.scrollIntoView({ block: 'start' }); h.focus(); }
          });
        };
        const elder = reactive({ name: '', birthYear: '' });
        const enrolForm = useForm();
        const enrol = async (e) => {
          e.preventDefault();
          const c = current.value;
          const ok = await enrolForm.run(() => ctx.api.post(`/courses/${c.id}/trainees`, {
            name: elder.name, birthYear: elder.birthYear === '' ? null : Number(elder.birthYear),
          }).catch((err) => { throw inWords(err, c); }));
          if (ok) {
            toast(tr(`${ok.name} 已报名`, `${ok.name} enrolled`));
            Object.assign(elder, { name: '', birthYear: '' });
          }
          // a 409 means someone else took the last place: the counts are stale either way
          if (ok || (enrolForm.error && !enrolForm.error.field)) {
            trainees.reload();
            courses.reload();
          }
        };
        const completion = reactive({ completedOn: i18n.today() });
        const completeForm = useForm();
        const busyTrainee = ref(null);
        const complete = async (t) => {
          busyTrainee.value = t.id;
          const ok = await completeForm.run(() => ctx.api.post(
            `/courses/${current.value.id}/trainees/${t.id}/completion`, { completedOn: completion.completedOn || null }));
          busyTrainee.value = null;
          if (ok) {
            toast(tr(`${ok.name} 已结业`, `${ok.name} completed the course`));
            trainees.reload();
            courses.reload();
          }
        };

        const input = (obj, key, testid, type = 'text', extra = {}) => ({ id, invalid, describedBy }) => html`<input id=${id}
          type=${type} class=${'form-control' + (invalid ? ' is-invalid' : '')} aria-describedby=${describedBy}
          data-testid=${testid} value=${obj[key]} onInput=${(e) => { obj[key] = e.target.value; }} ...${extra} />`;
        const generalError = (f) => (f.error && !f.error.field ? html`<${ErrorAlert} error=${f.error} />` : null);
        const communityChoices = computed(() => mine(communities.data || []).map((c) => ({ value: c.code, label: c.name })));

        const coursesCard = () => html`<section class="card mb-3" aria-labelledby="et-courses-h"><div class="card-body">
          <h2 class="card-title" id="et-courses-h">${tr('培训班', 'Courses')}</h2>
          ${courses.error ? html`<${ErrorAlert} error=${courses.error} />` : !courses.data ? html`<${Loading} />` : html`
            <${DataTable} rows=${courses.data}
              rowClass=${(r) => (selected.value && selected.value.id === r.id ? 'table-active' : '')}
              empty=${canOrganise ? tr('还没有培训班，请在下方开设。', 'No course yet: add one below.')
                : tr('社区还没有开设培训班。', 'The community has no course yet.')}
              columns=${[
                { key: 'startsOn', label: tr('开班日期', 'Starts'), sortable: true, cell: (r) => i18n.fmtDate(r.startsOn) },
                { key: 'community', label: tr('社区', 'Community'), cell: (r) => communityName(r.community) },
                { key: 'title', label: tr('培训班', 'Course'), sortable: true },
                { key: 'skills', label: tr('培训内容', 'Skills'), cell: (r) => r.skills.map(skillName).join(tr('、', ', ')) },
                { key: 'enrolled', label: tr('报名 / 名额', 'Enrolled / places'), class: 'text-end text-nowrap', sortable: true,
                  cell: (r) => html`<span>${r.enrolled} / ${r.capacity}</span>${r.enrolled >= r.capacity ? html` ${badge(tr('已满', 'Full'), 'warning')}` : null}` },
                { key: 'completed', label: tr('已结业', 'Completed'), class: 'text-end', sortable: true },
                { key: 'actions', label: tr('操作', 'Actions'), cell: (r) => html`<button type="button"
                  class="btn btn-sm btn-outline-primary text-nowrap" data-testid=${'trainees-' + r.id} onClick=${() => open(r)}
                  aria-label=${tr(`「${r.title}」的学员`, `Trainees of “${r.title}”`)}>${tr('学员', 'Trainees')}</button>` },
              ]} />`}
        </div></section>`;

        const traineesCard = () => {
          const c = current.value;
          if (!c) return null;
          const latest = thisYear() - MIN_AGE;
          return html`<section class="card mb-3 border-primary" aria-labelledby="et-trainees-h"><div class="card-body">
            <h2 class="card-title" id="et-trainees-h" tabindex="-1">${tr(`「${c.title}」的学员`, `Trainees of “${c.title}”`)}</h2>
            <p class="text-body-secondary small">${tr(`${communityName(c.community)} · ${i18n.fmtDate(c.startsOn)} 开班 · 已报名 ${c.enrolled} / ${c.capacity} 人 · 已结业 ${c.completed} 人`,
              `${communityName(c.community)} · starts ${i18n.fmtDate(c.startsOn)} · ${c.enrolled} of ${c.capacity} places taken · ${c.completed} completed`)}</p>
            ${trainees.error ? html`<${ErrorAlert} error=${trainees.error} />` : !trainees.data ? html`<${Loading} />` : html`
              <div class="row g-2 align-items-end mb-2">
                <${Field} col="col-12 col-sm-6 col-md-4" label=${tr('结业日期（登记结业时使用）', 'Completion day (for “Mark completed”)')}
                  error=${completeForm.err('completedOn')}>${input(completion, 'completedOn', 'et-completedOn', 'date',
                    { min: c.startsOn, max: i18n.today() })}<//>
              </div>
              ${generalError(completeForm)}
              <${DataTable} rows=${trainees.data} empty=${tr('还没有学员报名。', 'No one enrolled yet.')}
                columns=${[
                  { key: 'name', label: tr('姓名', 'Name'), sortable: true },
                  { key: 'birthYear', label: tr('出生年份', 'Born'), sortable: true, class: 'text-end' },
                  { key: 'age', label: tr('年龄', 'Age'), class: 'text-end', cell: (r) => tr(`${thisYear() - r.birthYear} 岁`, `${thisYear() - r.birthYear}`) },
                  { key: 'completedOn', label: tr('结业', 'Completed'), cell: (r) => (r.completedOn
                    ? html`${badge(tr('已结业', 'Completed'), 'success')} <span class="ms-1">${i18n.fmtDate(r.completedOn)}</span>`
                    : badge(tr('在训', 'In training'), 'secondary')) },
                  { key: 'actions', label: tr('操作', 'Actions'), cell: (r) => (r.completedOn ? null : html`<${BusyButton} size="sm"
                    kind="outline-success" busy=${busyTrainee.value === r.id} testid=${'complete-' + r.id}
                    onClick=${() => complete(r)}>${tr('登记结业', 'Mark completed')}<//>`) },
                ]} />`}
            <h3 class="h6 mt-4">${tr('报名', 'Enrol an elder')}</h3>
            ${full.value ? html`<div class="alert alert-warning" role="status">${tr(`本班名额已满（${c.capacity} 人），不能再报名。`,
              `The course is full (${c.capacity} places): no one else can enrol.`)}</div>` : null}
            <form class="row g-2" onSubmit=${enrol} novalidate data-testid="et-enrol-form">
              <${Field} col="col-12 col-md-5" label=${tr('老人姓名', 'Name')} required error=${enrolForm.err('name')}>${
                input(elder, 'name', 'et-name', 'text', { maxlength: 40, autocomplete: 'off' })}<//>
              <${Field} col="col-12 col-md-4" label=${tr('出生年份', 'Year of birth')} required error=${enrolForm.err('birthYear')}
                help=${tr(`须年满 ${MIN_AGE} 岁：${latest} 年或以前出生`, `${MIN_AGE} or older: born in ${latest} or before`)}>${
                input(elder, 'birthYear', 'et-birthYear', 'number', { min: latest - 60, max: latest, inputmode: 'numeric' })}<//>
              <div class="col-12">${generalError(enrolForm)}
                <${BusyButton} type="submit" busy=${enrolForm.busy} disabled=${full.value} testid="enrol">${tr('报名', 'Enrol')}<//></div>
            </form>
          </div></section>`;
        };

        const addCourseCard = () => (canOrganise ? html`<section class="card mb-3" aria-labelledby="et-add-h"><div class="card-body">
          <h2 class="card-title" id="et-add-h">${tr('开设培训班', 'Add a course')}</h2>
          <form class="row g-2" onSubmit=${addCourse} novalidate data-testid="et-course-form">
            <${Field} col="col-12 col-md-4" label=${tr('社区', 'Community')} required error=${courseForm.err('community')}>${({ id, invalid }) => html`
              <select id=${id} class=${'form-select' + (invalid ? ' is-invalid' : '')} data-testid="et-community"
                onChange=${(e) => { course.community = e.target.value; }}>
                ${options(communityChoices.value, course.community, tr('请选择社区', 'Choose a community'))}</select>`}<//>
            <${Field} col="col-12 col-md-8" label=${tr('培训班名称', 'Title')} required error=${courseForm.err('title')}>${
              input(course, 'title', 'et-title', 'text', { maxlength: 100, autocomplete: 'off' })}<//>
            <fieldset class="col-12 mb-2" aria-describedby=${courseForm.err('skills') ? 'et-skills-err' : null}>
              <legend class="form-label fs-6 mb-1">${tr('培训内容', 'Skills taught')}<span class="text-danger ms-1" aria-hidden="true">*</span><span
                class="visually-hidden">${tr('（必填，可多选）', ' (required, one or more)')}</span></legend>
              <div class="d-flex flex-wrap gap-3">
                ${SKILLS.map((s) => html`<div class="form-check" key=${s[0]}>
                  <input class="form-check-input" type="checkbox" id=${'et-skill-' + s[0]} data-testid=${'et-skill-' + s[0]}
                    checked=${course.skills.includes(s[0])} onChange=${(e) => toggleSkill(s[0], e.target.checked)} />
                  <label class="form-check-label" for=${'et-skill-' + s[0]}>${tr(s[1], s[2])}</label></div>`)}
              </div>
              ${courseForm.err('skills') ? html`<div class="invalid-feedback d-block" id="et-skills-err" role="alert">${courseForm.err('skills')}</div>` : null}
            </fieldset>
            <${Field} col="col-6 col-md-4" label=${tr('开班日期', 'Starts on')} required error=${courseForm.err('startsOn')}>${
              input(course, 'startsOn', 'et-startsOn', 'date')}<//>
            <${Field} col="col-6 col-md-4" label=${tr('名额（人）', 'Places')} required error=${courseForm.err('capacity')}
              help=${tr('1 到 200', '1 to 200')}>${input(course, 'capacity', 'et-capacity', 'number', { min: 1, max: 200, inputmode: 'numeric' })}<//>
            <div class="col-12">${generalError(courseForm)}
              <${BusyButton} type="submit" busy=${courseForm.busy} testid="add-course">${tr('开设', 'Add the course')}<//></div>
          </form>
        </div></section>` : null);

        return () => html`
          <div data-testid="elder-smartphone-training-page">
            <p class="text-body-secondary">${tr(`帮助${ctx.streetName}的老年人用好智能手机：培训班、学员报名与结业。`,
              `Helping elders of ${ctx.streetName} use smartphones: courses, enrolment and completion.`)}</p>
            ${coursesCard()}
            ${traineesCard()}
            ${addCourseCard()}
          </div>`;
      },
    });

    const app = vue.createApp(Page);
    app.mount(element);
    return () => app.unmount();
  },
};
