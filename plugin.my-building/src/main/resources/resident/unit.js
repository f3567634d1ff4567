// 我的楼门 on the unit page /u/<unit> (ProgrammeDefinition.residentResources = "/resident"): the unit convention and
// how many households agreed, upcoming activities, the stewards, this month's duties and the community's ranking
// (最美楼门). A household acts with its household code (户码), the 8-character code the unit's leader hands each
// household on a slip: agree to the convention, sign up for an activity, sign up as a steward. No names, phones or
// codes are shown here; the server throttles every write and backs off after wrong codes.
export default {
  mount(element, ctx) {
    const { html, vue, tr, ui, i18n } = ctx;
    const { defineComponent, reactive } = vue;
    const { Field, Busy, errorNote } = ui;

    const codeHelp = tr('户码是楼门长发到您家的 8 位码（如 K3M9-7QXD），在户码卡上。', 'The household code is the 8-character code on the slip the unit leader gave your household (e.g. K3M9-7QXD).');
    const when = (s) => (s ? s.replace('T', ' ').slice(0, 16) : '');

    /** One small form: fields, a submit, the answer in words; the API's field errors under their fields. */
    const useForm = () => reactive({ busy: false, error: null, fields: {}, done: null });
    const run = async (f, fn) => {
      f.busy = true; f.error = null; f.fields = {}; f.done = null;
      try {
        f.done = await fn();
      } catch (e) {
        if (e && e.field && e.field !== 'unit') f.fields[e.field] = e.text; else f.error = e;
      } finally {
        f.busy = false;
      }
    };
    const codeField = (v, f, testid) => html`<${Field} label=${tr('户码', 'Household code')} required error=${f.fields.householdCode} help=${codeHelp}>${({ id, describedBy }) => html`
      <input id=${id} class=${'form-control mono' + (f.fields.householdCode ? ' is-invalid' : '')} autocomplete="off" autocapitalize="characters" maxlength="12"
             data-testid=${testid} aria-describedby=${describedBy} value=${v.code} onInput=${(e) => { v.code = e.target.value; }} />`}<//>`;

    const Part = defineComponent({
      setup() {
        const s = reactive({ data: null, error: null });
        const load = () => ctx.api.get(`/units/${ctx.unit.code}`).then((d) => { s.data = d; }).catch((e) => { s.error = e; });
        load();
        const agree = reactive({ code: '' });
        const agreeForm = useForm();
        const doAgree = (e) => { e.preventDefault(); run(agreeForm, () => ctx.api.post(`/units/${ctx.unit.code}/convention/agreements`, { householdCode: agree.code }).then((r) => { agree.code = ''; load(); return r; })); };
        const signup = reactive({ activity: null, code: '', people: '1' });
        const signupForm = useForm();
        const doSignup = (e) => { e.preventDefault(); run(signupForm, () => ctx.api.post(`/activities/${signup.activity}/signups`, { householdCode: signup.code, people: Number(signup.people) || null }).then((r) => { signup.code = ''; load(); return r; })); };
        const apply = reactive({ code: '', name: '', phone: '' });
        const applyForm = useForm();
        const doApply = (e) => { e.preventDefault(); run(applyForm, () => ctx.api.post(`/units/${ctx.unit.code}/steward-applications`, { householdCode: apply.code, name: apply.name, phone: apply.phone || null }).then((r) => { Object.assign(apply, { code: '', name: '', phone: '' }); return r; })); };

        return () => {
          if (s.error) return errorNote(s.error);
          const d = s.data;
          if (!d) return html`<p role="status">${tr('正在加载…', 'Loading…')}</p>`;
          const c = d.convention;
          return html`<div data-testid="mb-unit">
            <h2 id="mb-h">${tr('我的楼门', 'My building')}</h2>
            <p>${tr('一起管好我们的楼门：楼门公约、楼门活动、楼门管家，参与就有积分，可到社区积分超市兑换。', 'Run our unit together: the convention, activities and stewards; taking part earns points for the community\u2019s points shop.')}</p>

            <h3 class="h4 mt-3">${tr('楼门公约', 'Unit convention')}</h3>
            ${c ? html`<div class="note-info" data-testid="mb-convention">
                ${c.text.split('\n').map((line) => html`<p class="mb-1">${line}</p>`)}
                <p class="mt-2 mb-0"><strong data-testid="mb-agreed-count">${tr(`已有 ${c.agreed} 户同意（本楼门共 ${c.households} 户）`, `${c.agreed} of ${c.households} households have agreed`)}</strong></p></div>
              ${agreeForm.done ? html`<div class="note-ok" role="status" data-testid="mb-agree-done">${tr(`谢谢！您家已同意公约，获得 ${agreeForm.done.points} 积分。`, `Thank you! Your household agreed and earned ${agreeForm.done.points} points.`)}</div>`
                : html`<form novalidate onSubmit=${doAgree} data-testid="mb-agree-form">${errorNote(agreeForm.error)}${codeField(agree, agreeForm, 'mb-agree-code')}
                  <${Busy} busy=${agreeForm.busy} testid="mb-agree">${tr('我家同意本公约', 'Our household agrees')}<//></form>`}`
              : html`<p>${tr('本楼门的公约正在起草中。', 'The unit convention is being drafted.')}</p>`}

            <h3 class="h4 mt-4">${tr('楼门活动', 'Unit activities')}</h3>
            ${d.activities.length ? html`<ul class="list-easy" data-testid="mb-activities">${d.activities.map((a) => html`<li key=${a.id}>
                <div class="row-title">${a.title}</div>
                <div>${a.categoryLabel} · ${when(a.startsAt)} · ${a.place}</div>
                <div>${tr(`已报名 ${a.taken} 人，限 ${a.capacity} 人`, `${a.taken} of ${a.capacity} places taken`)}</div>
                ${signup.activity === a.id ? html`${signupForm.done ? html`<div class="note-ok" role="status" data-testid="mb-signup-done">${tr('报名成功！请按时参加。', 'Signed up. See you there!')}</div>`
                  : html`<form novalidate onSubmit=${doSignup} data-testid="mb-signup-form">${errorNote(signupForm.error)}${codeField(signup, signupForm, 'mb-signup-code')}
                    <${Field} label=${tr('参加人数', 'People')} required error=${signupForm.fields.people}>${({ id }) => html`<input id=${id} type="number" min="1" max="10" inputmode="numeric" class="form-control"
                      data-testid="mb-signup-people" value=${signup.people} onInput=${(e) => { signup.people = e.target.value; }} />`}<//>
                    <${Busy} busy=${signupForm.busy} testid="mb-signup">${tr('报名', 'Sign up')}<//></form>`}`
                  : a.taken < a.capacity ? html`<button type="button" class="btn btn-outline-primary mt-1" data-testid=${'mb-signup-open-' + a.id}
                      onClick=${() => { Object.assign(signup, { activity: a.id, code: '', people: '1' }); Object.assign(signupForm, { done: null, error: null, fields: {} }); }}>${tr('我要报名', 'Sign up')}</button>`
                    : html`<p class="mb-0"><strong>${tr('名额已满', 'Full')}</strong></p>`}
              </li>`)}</ul>` : html`<p>${tr('近期没有活动。', 'No activity coming up.')}</p>`}

            <h3 class="h4 mt-4">${tr('楼门管家', 'Stewards')}</h3>
            <p data-testid="mb-stewards">${d.stewards ? tr(`本楼门有 ${d.stewards} 位楼门管家${d.leadSteward ? '，其中一位是管家长' : ''}。`, `${d.stewards} stewards serve this unit${d.leadSteward ? ', one of them the lead steward' : ''}.`) : tr('本楼门还没有楼门管家。', 'No steward serves this unit yet.')}
              ${tr(`本月公益岗完成 ${d.month.dutiesDone} 次，其中安全检查 ${d.month.safetyChecks} 次。`, `This month: ${d.month.dutiesDone} duties done, ${d.month.safetyChecks} of them safety checks.`)}</p>
            ${applyForm.done ? html`<div class="note-ok" role="status" data-testid="mb-apply-done">${tr('已报名当楼门管家，楼门长或社区审核后会联系您。', 'Signed up as a steward: the leader or the community will get back to you.')}</div>`
              : html`<details><summary class="btn btn-outline-primary" data-testid="mb-apply-open">${tr('我想当楼门管家', 'I would like to be a steward')}</summary>
                <form novalidate onSubmit=${doApply} data-testid="mb-apply-form" class="mt-2">${errorNote(applyForm.error)}${codeField(apply, applyForm, 'mb-apply-code')}
                  <${Field} label=${tr('您的姓名', 'Your name')} required error=${applyForm.fields.name}>${({ id }) => html`<input id=${id} class="form-control" maxlength="40" autocomplete="name"
                    data-testid="mb-apply-name" value=${apply.name} onInput=${(e) => { apply.name = e.target.value; }} />`}<//>
                  <${Field} label=${tr('手机号', 'Mobile number')} error=${applyForm.fields.phone} help=${tr('只有楼门长和社区能看到。', 'Only the leader and the community see it.')}>${({ id, describedBy }) => html`<input id=${id} type="tel" inputmode="numeric" maxlength="11" class="form-control" autocomplete="tel"
                    aria-describedby=${describedBy} data-testid="mb-apply-phone" value=${apply.phone} onInput=${(e) => { apply.phone = e.target.value; }} />`}<//>
                  <${Busy} busy=${applyForm.busy} testid="mb-apply">${tr('报名', 'Sign up')}<//></form></details>`}

            ${d.ranking ? html`<h3 class="h4 mt-4">${tr(`最美楼门（${d.ranking.month}）`, `Best units (${d.ranking.month})`)}</h3>
              <p data-testid="mb-rank">${d.ranking.rank ? tr(`本楼门在本社区 ${d.ranking.of} 个楼门中排第 ${d.ranking.rank} 名（户均 ${d.ranking.perHousehold} 分）。`, `This unit ranks ${d.ranking.rank} of ${d.ranking.of} in the community (${d.ranking.perHousehold} points per household).`) : ''}</p>
              <ol class="steps">${d.ranking.top.map((l) => html`<li>${l.label}　${tr(`户均 ${l.perHousehold} 分，安全检查 ${l.safetyChecks} 次`, `${l.perHousehold} points per household, ${l.safetyChecks} safety checks`)}</li>`)}</ol>` : null}
          </div>`;
        };
      },
    });
    const app = vue.createApp(Part);
    app.mount(element);
    return () => app.unmount();
  },
};
