// Workspace sections of projects, publicity and consultations, phone first, one column, big targets:
// 项目申报 (propose a project for my unit or building, follow my projects: an awarded leader's are marked 优先),
// 宣传活动 (record a publicity activity of a campaign under 政策法规宣传员, with up to 3 photos),
// 楼门议事 (the consultations of my places; record a household's answer at the door).
import { html, defineComponent, reactive } from '../../lib.js';
import { tr, fmtDate, today } from '../../i18n.js';
import { api, ApiError, uploadWithProgress } from '../../api.js';
import { usePhotoPicker, PHOTO_COUNT } from '../../easy.js';
import { toast } from '../../ui.js';
import { SectionHead, myLeader, placeWords, placeCode, problem, loading } from './kit.js';
import { PROJECT_STATUS, PROJECT_KIND, yuan, priorityMark } from '../../widgets/civic-common.js';

function myPlaces(s) {
  return myLeader().then((l) => {
    const seen = new Set();
    s.places = (l.places || []).map((p) => ({ code: placeCode(p), label: placeWords(p) })).filter((p) => !seen.has(p.code) && seen.add(p.code));
  }).catch((e) => { s.error = e; });
}

function fieldError(v, k) {
  return v.fields[k] ? html`<div class="invalid-feedback d-block" role="alert">${tr('错误：', 'Error: ')}${v.fields[k]}</div>` : null;
}

function placeSelect(s, v, id) {
  return s.places.length > 1 ? html`<div class="mb-3"><label class="form-label" for=${id}>${tr('地点', 'Place')} <span class="text-danger">*</span></label>
    <select id=${id} class="form-select" onChange=${(e) => { v.place = e.target.value; }}>
      <option value="">${tr('请选择', 'Choose')}</option>${s.places.map((p) => html`<option value=${p.code} selected=${v.place === p.code}>${p.label}</option>`)}</select>${fieldError(v, 'place')}</div>` : null;
}

/** 项目申报: propose, then my projects with their review. */
export const projects = defineComponent({
  setup() {
    const s = reactive({ list: null, error: null, places: [] });
    const v = reactive({ kind: '', title: '', place: '', budget: '', description: '', busy: false, fields: {}, error: null });
    const load = () => api.get('/me/projects').then((l) => { s.list = l; }).catch((e) => { s.error = e; });
    load();
    myPlaces(s);
    const submit = async (e) => {
      e.preventDefault();
      const fields = {};
      if (!v.kind) fields.kind = tr('请选择项目类别', 'Choose the kind');
      if (!v.title.trim()) fields.title = tr('请写项目名称', 'Give the project a title');
      if (!(Number(v.budget) > 0)) fields.budgetAsked = tr('请填写申请金额（元）', 'Give the amount asked (yuan)');
      if (!v.description.trim()) fields.description = tr('请说明要做什么', 'Say what it is');
      v.fields = fields;
      if (Object.keys(fields).length) return;
      v.busy = true; v.error = null;
      try {
        const p = await api.post('/me/projects', { kind: v.kind, title: v.title.trim(), place: v.place || null, budgetAsked: Number(v.budget), description: v.description.trim() });
        toast(p.priority ? tr('项目已提交，作为优秀楼门栋长项目优先审核', 'Submitted; reviewed first as an awarded leader’s project') : tr('项目已提交，等待社区审核', 'Submitted; the community reviews it next'));
        Object.assign(v, { kind: '', title: '', budget: '', description: '' });
        load();
      } catch (err) {
        if (err instanceof ApiError && err.field) v.fields = { [err.field]: err.text }; else v.error = err;
      } finally { v.busy = false; }
    };
    return () => html`<div>
      <${SectionHead} title=${tr('项目申报', 'Propose a project')} />
      ${problem(s.error)}
      <form class="section" novalidate onSubmit=${submit} data-testid="ws-project-form">
        <h2>${tr('申报一个项目', 'A new project')}</h2>
        ${problem(v.error)}
        <fieldset class="mb-3"><legend class="form-label fs-6">${tr('项目类别', 'Kind')} <span class="text-danger">*</span></legend>
          ${PROJECT_KIND.options().map((o) => html`<div class="form-check" key=${o.value}>
            <input class="form-check-input" type="radio" name="pj-kind" id=${'pj-' + o.value} checked=${v.kind === o.value} onChange=${() => { v.kind = o.value; }} />
            <label class="form-check-label" for=${'pj-' + o.value}>${o.label}</label></div>`)}${fieldError(v, 'kind')}</fieldset>
        ${placeSelect(s, v, 'pj-place')}
        <div class="mb-3"><label class="form-label" for="pj-title">${tr('项目名称', 'Title')} <span class="text-danger">*</span></label>
          <input id="pj-title" class="form-control" maxlength="100" data-testid="ws-project-title" value=${v.title} onInput=${(e) => { v.title = e.target.value; }} />${fieldError(v, 'title')}</div>
        <div class="mb-3"><label class="form-label" for="pj-budget">${tr('申请金额（元）', 'Amount asked (yuan)')} <span class="text-danger">*</span></label>
          <input id="pj-budget" class="form-control" type="number" inputmode="decimal" min="1" step="0.01" data-testid="ws-project-budget" value=${v.budget} onInput=${(e) => { v.budget = e.target.value; }} />${fieldError(v, 'budgetAsked')}</div>
        <div class="mb-3"><label class="form-label" for="pj-desc">${tr('要做什么、为什么', 'What and why')} <span class="text-danger">*</span></label>
          <textarea id="pj-desc" class="form-control" rows="4" maxlength="2000" data-testid="ws-project-description" value=${v.description} onInput=${(e) => { v.description = e.target.value; }}></textarea>${fieldError(v, 'description')}</div>
        <button type="submit" class="btn btn-primary" disabled=${v.busy} data-testid="ws-project-submit">${tr('提交申报', 'Submit')}</button>
      </form>
      <section class="section" aria-labelledby="pj-mine">
        <h2 id="pj-mine">${tr('我申报的项目', 'My projects')}</h2>
        ${!s.list ? loading() : !s.list.length ? html`<p class="mb-0">${tr('还没有申报过项目。', 'No projects yet.')}</p>`
          : html`<ul class="list-easy" data-testid="ws-project-list">${s.list.map((p) => html`<li key=${p.id}>
            <div class="row-title">${p.title}</div>
            <div>${priorityMark(p)}</div>
            <div>${PROJECT_KIND.label(p.kind)} · ${p.placeLabel} · ${tr('申请', 'asked')} ${yuan(p.budgetAsked)}</div>
            <div>${PROJECT_STATUS.badge(p.status)} ${p.amountGranted ? html`${tr('批准', 'granted')} ${yuan(p.amountGranted)}` : null}</div>
            ${(p.streetReview || p.communityReview || {}).note ? html`<div class="small">${tr('审核意见：', 'Review: ')}${(p.streetReview || p.communityReview).note}</div>` : null}
            <div class="small text-body-secondary">${fmtDate(p.proposedOn)}</div></li>`)}</ul>`}
      </section>
    </div>`;
  },
});

/** 宣传活动: a campaign of my street, an activity in my unit (date, place, households reached, photos). */
export const publicity = defineComponent({
  setup() {
    const s = reactive({ campaigns: null, mine: null, error: null, places: [] });
    const v = reactive({ campaign: '', day: today(), place: '', venue: '', households: '', note: '', photos: [], busy: false, fields: {}, error: null, progress: '' });
    const load = () => {
      api.get('/me/campaigns').then((l) => { s.campaigns = l; const open = l.filter((c) => c.open); if (open.length === 1 && !v.campaign) v.campaign = String(open[0].id); }).catch((e) => { s.error = e; });
      api.get('/me/publicity').then((l) => { s.mine = l; }).catch((e) => { s.error = e; });
    };
    load();
    myPlaces(s);
    const pick = usePhotoPicker(() => v.photos, (why) => { v.fields = { ...v.fields, photo: why }; });
    const submit = async (e) => {
      e.preventDefault();
      const fields = {};
      if (!v.campaign) fields.campaign = tr('请选择宣传活动', 'Choose the campaign');
      if (!v.venue.trim()) fields.venue = tr('请写在哪里开展的', 'Say where it was held');
      if (v.households === '' || Number(v.households) < 0) fields.households = tr('请填写覆盖户数', 'Give the households reached');
      v.fields = fields;
      if (Object.keys(fields).length) return;
      v.busy = true; v.error = null;
      let created = null;
      try {
        created = await api.post(`/me/campaigns/${v.campaign}/activities`, { day: v.day, place: v.place || null, venue: v.venue.trim(), households: Number(v.households), note: v.note.trim() || null });
        for (let i = 0; i < v.photos.length; i++) {
          await uploadWithProgress(`/me/publicity/${created.id}/photos`, v.photos[i].file, v.photos[i].file.type, (x) => {
            v.progress = tr(`正在上传第 ${i + 1} 张照片（${Math.round(x * 100)}%）`, `Uploading photo ${i + 1} (${Math.round(x * 100)}%)`);
          });
        }
        toast(tr('已记录宣传活动（计入民情日志：政策法规宣传员）', 'Recorded (also in the work log as policy publicist)'));
        Object.assign(v, { venue: '', households: '', note: '', photos: [], progress: '' });
        load();
      } catch (err) {
        if (created) { v.error = err; load(); } else if (err instanceof ApiError && err.field) v.fields = { [err.field]: err.text }; else v.error = err;
      } finally { v.busy = false; v.progress = ''; }
    };
    return () => html`<div>
      <${SectionHead} title=${tr('宣传活动', 'Publicity')} />
      ${problem(s.error)}
      ${!s.campaigns ? loading() : !s.campaigns.some((c) => c.open) ? html`<p class="section">${tr('现在没有进行中的宣传活动。街道发布后会显示在这里。', 'No campaign is running now. It shows here once the street publishes one.')}</p>` : html`
      <form class="section" novalidate onSubmit=${submit} data-testid="ws-publicity-form">
        <h2>${tr('记录一次宣传', 'Record an activity')}</h2>
        ${problem(v.error)}
        <fieldset class="mb-3"><legend class="form-label fs-6">${tr('宣传活动', 'Campaign')} <span class="text-danger">*</span></legend>
          ${s.campaigns.filter((c) => c.open).map((c) => html`<div class="form-check" key=${c.id}>
            <input class="form-check-input" type="radio" name="pb-c" id=${'pb-' + c.id} checked=${v.campaign === String(c.id)} onChange=${() => { v.campaign = String(c.id); }} />
            <label class="form-check-label" for=${'pb-' + c.id}>${c.theme}<span class="d-block small text-body-secondary">${c.nodeName} · ${fmtDate(c.startsOn)} — ${fmtDate(c.endsOn)}</span>
            ${(c.materials || []).length ? html`<span class="d-block small">${tr('材料：', 'Materials: ')}${c.materials.join('；')}</span>` : null}</label></div>`)}${fieldError(v, 'campaign')}</fieldset>
        <div class="mb-3"><label class="form-label" for="pb-day">${tr('日期', 'Day')}</label>
          <input id="pb-day" type="date" class="form-control" max=${today()} value=${v.day} onInput=${(e) => { v.day = e.target.value; }} />${fieldError(v, 'day')}</div>
        ${placeSelect(s, v, 'pb-place')}
        <div class="mb-3"><label class="form-label" for="pb-venue">${tr('具体位置', 'Where exactly')} <span class="text-danger">*</span></label>
          <input id="pb-venue" class="form-control" maxlength="100" placeholder=${tr('如：楼门口、楼前小广场', 'e.g. at the unit door')} data-testid="ws-publicity-venue" value=${v.venue} onInput=${(e) => { v.venue = e.target.value; }} />${fieldError(v, 'venue')}</div>
        <div class="mb-3"><label class="form-label" for="pb-hh">${tr('覆盖户数', 'Households reached')} <span class="text-danger">*</span></label>
          <input id="pb-hh" class="form-control" type="number" inputmode="numeric" min="0" max="2000" data-testid="ws-publicity-households" value=${v.households} onInput=${(e) => { v.households = e.target.value; }} />${fieldError(v, 'households')}</div>
        <div class="mb-3"><label class="form-label" for="pb-note">${tr('情况说明（可不填）', 'Notes (optional)')}</label>
          <textarea id="pb-note" class="form-control" rows="2" maxlength="500" value=${v.note} onInput=${(e) => { v.note = e.target.value; }}></textarea>${fieldError(v, 'note')}</div>
        <div class="mb-3"><label class="form-label" for="pb-photo">${tr(`照片（最多 ${PHOTO_COUNT} 张，JPG 或 PNG）`, `Photos (up to ${PHOTO_COUNT}, JPG or PNG)`)}</label>
          <input id="pb-photo" type="file" class="form-control" accept="image/jpeg,image/png" multiple disabled=${v.photos.length >= PHOTO_COUNT} onChange=${pick} />
          ${v.photos.length ? html`<p class="small mb-0">${tr(`已选 ${v.photos.length} 张`, `${v.photos.length} chosen`)}</p>` : null}${fieldError(v, 'photo')}</div>
        ${v.progress ? html`<p role="status">${v.progress}</p>` : null}
        <button type="submit" class="btn btn-primary" disabled=${v.busy} data-testid="ws-publicity-submit">${tr('保存', 'Save')}</button>
      </form>`}
      <section class="section" aria-labelledby="pb-mine">
        <h2 id="pb-mine">${tr('我的宣传记录', 'My activities')}</h2>
        ${!s.mine ? loading() : !s.mine.length ? html`<p class="mb-0">${tr('还没有记录。', 'None yet.')}</p>`
          : html`<ul class="list-easy" data-testid="ws-publicity-list">${s.mine.map((a) => html`<li key=${a.id}>
            <div class="row-title">${fmtDate(a.day)}　${a.venue}</div>
            <div>${a.campaignTheme}</div>
            <div>${tr(`覆盖 ${a.households} 户`, `${a.households} households`)}${a.photos ? tr(`，照片 ${a.photos} 张`, `, ${a.photos} photos`) : ''}</div></li>`)}</ul>`}
      </section>
    </div>`;
  },
});

/** 楼门议事: the consultations of my places, their counts, and a household's answer recorded at the door. */
export const consult = defineComponent({
  setup() {
    const s = reactive({ list: null, error: null, open: null, codes: null, results: null });
    const v = reactive({ household: '', choice: '', text: '', busy: false, fields: {}, error: null });
    const load = () => api.get('/consultations').then((l) => { s.list = l; }).catch((e) => { s.error = e; });
    load();
    const choose = async (c) => {
      s.open = c; s.codes = null; s.results = null;
      Object.assign(v, { household: '', choice: '', text: '', fields: {}, error: null });
      api.get(`/consultations/${c.id}/codes`).then((k) => { s.codes = k; }).catch((e) => { s.error = e; });
      api.get(`/consultations/${c.id}/results`).then((r) => { s.results = r; }).catch((e) => { s.error = e; });
    };
    const submit = async (e) => {
      e.preventDefault();
      const c = s.open;
      const fields = {};
      if (!v.household) fields.household = tr('请选择住户', 'Choose the household');
      if (c.kind === 'OPTIONS' && v.choice === '') fields.choice = tr('请选择住户的回答', 'Choose their answer');
      if (c.kind === 'FREE' && !v.text.trim()) fields.text = tr('请写下住户的意见', 'Write their answer');
      v.fields = fields;
      if (Object.keys(fields).length) return;
      v.busy = true; v.error = null;
      try {
        await api.post(`/consultations/${c.id}/answers`, { household: Number(v.household), choice: c.kind === 'OPTIONS' ? Number(v.choice) : null, text: c.kind === 'FREE' ? v.text.trim() : null });
        toast(tr('已记录这户的回答', 'Answer recorded'));
        await load();
        choose(s.list.find((x) => x.id === c.id) || c);
      } catch (err) {
        if (err instanceof ApiError && err.field) v.fields = { [err.field]: err.text }; else v.error = err;
      } finally { v.busy = false; }
    };
    return () => html`<div>
      <${SectionHead} title=${tr('楼门议事', 'Unit consultations')} />
      ${problem(s.error)}
      ${!s.list ? loading() : !s.list.length ? html`<p class="section">${tr('您的楼门现在没有议事。', 'No consultations for your places.')}</p>`
        : html`<nav class="tiles" aria-label=${tr('议事', 'Consultations')} data-testid="ws-consult-list">${s.list.map((c) => html`<button type="button" class="tile text-start" key=${c.id}
            data-consultation=${c.id} onClick=${() => choose(c)}>${c.question}<span class="tile-note">${c.placeLabel} · ${c.open ? tr('征询中', 'open') : tr('已结束', 'closed')} · ${tr(`${c.answered}/${c.households} 户`, `${c.answered}/${c.households}`)}</span></button>`)}</nav>`}
      ${s.open ? html`<section class="section" aria-labelledby="cq-h" data-testid="ws-consult">
        <h2 id="cq-h">${s.open.question}</h2>
        ${s.results ? html`<p class="fs-5" data-testid="ws-consult-answered">${tr(`已回答 ${s.results.answered} / ${s.results.households} 户`, `${s.results.answered} of ${s.results.households} answered`)}</p>
          ${s.results.kind === 'OPTIONS' ? html`<ul>${s.results.options.map((o) => html`<li key=${o.choice}>${o.option}：<strong>${o.count}</strong> ${tr('户', '')}</li>`)}</ul>` : null}` : loading()}
        ${s.open.open && s.codes && s.codes.some((k) => !k.used) ? html`<form novalidate onSubmit=${submit} data-testid="ws-door-form">
          <h3 class="h5">${tr('入户记录回答', 'Record an answer at the door')}</h3>
          ${problem(v.error)}
          <fieldset class="mb-3"><legend class="form-label fs-6">${tr('哪一户', 'Which household')} <span class="text-danger">*</span></legend>
            ${s.codes.filter((k) => !k.used).map((k) => html`<div class="form-check" key=${k.household}>
              <input class="form-check-input" type="radio" name="cq-h" id=${'cqh-' + k.household} checked=${v.household === String(k.household)} onChange=${() => { v.household = String(k.household); }} />
              <label class="form-check-label" for=${'cqh-' + k.household}>${k.unitLabel} ${k.room}</label></div>`)}${fieldError(v, 'household')}</fieldset>
          ${s.open.kind === 'OPTIONS' ? html`<fieldset class="mb-3"><legend class="form-label fs-6">${tr('住户的回答', 'Their answer')} <span class="text-danger">*</span></legend>
            ${s.open.options.map((o, i) => html`<div class="form-check" key=${i}>
              <input class="form-check-input" type="radio" name="cq-o" id=${'cqo-' + i} checked=${v.choice === String(i)} onChange=${() => { v.choice = String(i); }} />
              <label class="form-check-label" for=${'cqo-' + i}>${o}</label></div>`)}${fieldError(v, 'choice')}</fieldset>`
            : html`<div class="mb-3"><label class="form-label" for="cq-text">${tr('住户的意见', 'Their answer')} <span class="text-danger">*</span></label>
              <textarea id="cq-text" class="form-control" rows="3" maxlength="500" value=${v.text} onInput=${(e) => { v.text = e.target.value; }}></textarea>${fieldError(v, 'text')}</div>`}
          <button type="submit" class="btn btn-primary" disabled=${v.busy} data-testid="ws-door-submit">${tr('记录', 'Record')}</button>
        </form>` : s.open.open ? html`<p>${tr('这里的住户都已回答。', 'Every household here has answered.')}</p>` : null}
      </section>` : null}
    </div>`;
  },
});
