// 楼门栋长 / A leader's page: profile, assignments, the lifecycle's history, and only the moves allowed from where the
// leader stands now (the server's list of actions; before that route existed, derived from the status or from a
// refused move's list of allowed ones). Edits carry the version read; someone else's change in between is explained,
// with the fresh record offered to re-apply one's own changes on.
import { html, defineComponent, reactive, ref, computed, watch } from '../lib.js';
import { tr, fmtDate, fmtDateTime, today } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { route } from '../router.js';
import { placeName } from '../places.js';
import {
  PageHeader, ErrorAlert, Loading, Field, BusyButton, DataTable, useLoad, useForm, toast, confirmAction, options,
} from '../ui.js';
import {
  STATUS, EDUCATION, GENDER, ROLE, NOMINATION, label, choices, statusBadge, age, yesNo,
} from '../people.js';

/** The actions by the status a leader is in, as GET /leaders/{id}/actions names them (used until it answers). */
const BY_STATUS = {
  NOMINATED: ['decision'], APPROVED: ['training'], IN_TRAINING: ['assessment'], CERTIFIED: ['activation'],
  IN_SERVICE: ['suspend', 'resign', 'retire'], SUSPENDED: ['reinstate', 'resign', 'retire'],
};

/** The actions that make the moves a refused move's `allowed` list names. */
export function actionsFromAllowed(from, allowed) {
  const to = new Set(allowed || []);
  const out = [];
  if (to.has('APPROVED') || to.has('REJECTED')) out.push('decision');
  if (to.has('IN_TRAINING')) out.push('training');
  if (to.has('CERTIFIED')) out.push('certification');
  if (to.has('IN_SERVICE')) out.push(from === 'CERTIFIED' ? 'activation' : 'reinstate');
  if (to.has('SUSPENDED')) out.push('suspend');
  if (to.has('RESIGNED')) out.push('resign');
  if (to.has('RETIRED') || ((from === 'IN_SERVICE' || from === 'SUSPENDED') && !allowed.includes('RETIRED'))) out.push('retire');
  return out;
}

/**
 * Every action: its button, the form's fields ({key, zh, en, type, required, min}), the route and body, and the
 * confirmation an irreversible one asks (with its consequence in words).
 */
const ACTIONS = {
  decision: {
    zh: '录入代表会议表决', en: 'Record the meeting\u2019s decision', kind: 'primary',
    intro: ['居（村）民代表会议表决：赞成票超过出席人数的一半即为通过。', 'The representatives\u2019 meeting approves when more than half of those present vote for.'],
    fields: [
      { key: 'meetingDate', zh: '会议日期', en: 'Meeting date', type: 'date', required: true, max: () => today() },
      { key: 'attendees', zh: '出席人数', en: 'Attendees', type: 'number', required: true, min: 1 },
      { key: 'votesFor', zh: '赞成', en: 'For', type: 'number', required: true, min: 0 },
      { key: 'votesAgainst', zh: '反对', en: 'Against', type: 'number', required: true, min: 0 },
      { key: 'abstentions', zh: '弃权', en: 'Abstentions', type: 'number', required: true, min: 0 },
    ],
    path: 'decision',
    body: (v) => ({ meetingDate: v.meetingDate, attendees: num(v.attendees), votesFor: num(v.votesFor), votesAgainst: num(v.votesAgainst), abstentions: num(v.abstentions) }),
    confirm: (v, l) => {
      const approved = num(v.votesFor) * 2 > num(v.attendees);
      return {
        title: tr('确认表决结果', 'Confirm the decision'),
        body: approved
          ? tr(`赞成 ${v.votesFor} 票，超过出席人数 ${v.attendees} 的一半：${l.name} 的提名将记为“已通过”，下一步安排入职培训。表决记录不能撤销。`,
            `${v.votesFor} for out of ${v.attendees} present is a majority: ${l.name} will be recorded as approved; next, onboarding training. The decision cannot be undone.`)
          : tr(`赞成 ${v.votesFor} 票，未超过出席人数 ${v.attendees} 的一半：${l.name} 的提名将记为“未通过”，提名到此结束，不能撤销。`,
            `${v.votesFor} for out of ${v.attendees} present is no majority: ${l.name}\u2019s nomination will be recorded as rejected and ends here; this cannot be undone.`),
        ok: approved ? tr('记为通过', 'Record as approved') : tr('记为未通过', 'Record as rejected'),
        danger: !approved,
      };
    },
  },
  training: {
    zh: '安排入职培训', en: 'Enrol in onboarding training', kind: 'primary',
    intro: ['由街镇组织的入职培训；合格后发放工作证和袖标。', 'Onboarding training run by the street; on passing, a work ID and an armband.'],
    fields: [
      { key: 'session', zh: '培训班次', en: 'Training session', type: 'text', required: true, maxlength: 100 },
      { key: 'startsOn', zh: '开班日期', en: 'Starts on', type: 'date' },
    ],
    path: 'training', body: (v) => ({ session: v.session.trim(), startsOn: v.startsOn || null }),
  },
  assessment: {
    zh: '录入培训考核结果', en: 'Record the training result', kind: 'primary',
    intro: ['入职培训考核：合格后才能发证；不合格或缺考的，请写明情况，可参加下一期培训。', 'The onboarding assessment: only a pass leads to certification; for a fail or absence say why; they may join a later batch.'],
    fields: [
      { key: 'result', zh: '考核结果', en: 'Result', type: 'select', required: true, choices: [['PASSED', '合格', 'Passed'], ['FAILED', '不合格', 'Failed'], ['ABSENT', '缺考', 'Absent']] },
      { key: 'note', zh: '备注（不合格、缺考须填写）', en: 'Note (required unless passed)', type: 'text', maxlength: 500 },
    ],
    path: 'assessment', body: (v) => ({ result: v.result || null, note: (v.note || '').trim() || null }),
  },
  reenrol: {
    zh: '报名下一期入职培训', en: 'Enrol in a later batch', kind: 'primary', href: '#/training',
    intro: ['上次培训未通过：在“入职培训”中选择下一期培训班报名。', 'The last training was not passed: enrol in a later batch on the onboarding training page.'],
    fields: [], path: null, body: () => ({}),
  },
  certification: {
    zh: '培训合格，发证', en: 'Passed: issue work ID', kind: 'primary',
    intro: ['培训考核合格：登记袖标发放日期；工作证号可留空，按本街镇的编号规则自动生成，在本街镇内不重复。', 'Passed training: record when the armband was issued; leave the work ID empty to have it made by the street\u2019s pattern. Work IDs are unique within the street.'],
    fields: [
      { key: 'workId', zh: '工作证号（可留空）', en: 'Work ID (may be empty)', type: 'text', maxlength: 32 },
      { key: 'armbandIssuedOn', zh: '袖标发放日期', en: 'Armband issued on', type: 'date', required: true, max: () => today() },
    ],
    path: 'certification', body: (v) => ({ workId: (v.workId || '').trim() || null, armbandIssuedOn: v.armbandIssuedOn }),
  },
  activation: {
    zh: '上岗', en: 'Start service', kind: 'success',
    intro: ['持证后上岗：按提名时的楼门（楼栋）开始履职，今天起算。', 'Certified: starts serving the unit (building) of the nomination, from today.'],
    fields: [], path: 'activation', body: () => ({}),
  },
  suspend: {
    zh: '暂停履职', en: 'Suspend', kind: 'warning',
    intro: ['暂停期间不履职，可随时恢复。', 'No duties while suspended; can be resumed at any time.'],
    fields: [{ key: 'reason', zh: '原因', en: 'Reason', type: 'text', required: true, maxlength: 500 }],
    path: 'status', body: (v) => ({ to: 'SUSPENDED', reason: v.reason.trim() }),
  },
  reinstate: {
    zh: '恢复履职', en: 'Resume service', kind: 'success',
    intro: ['恢复后继续在原楼门履职。', 'Serves the same place again.'],
    fields: [{ key: 'reason', zh: '原因', en: 'Reason', type: 'text', required: true, maxlength: 500 }],
    path: 'status', body: (v) => ({ to: 'IN_SERVICE', reason: v.reason.trim() }),
  },
  resign: {
    zh: '辞任', en: 'Resign', kind: 'outline-danger',
    intro: ['本人辞去楼门栋长职务。', 'The leader steps down.'],
    fields: [{ key: 'reason', zh: '原因', en: 'Reason', type: 'text', required: true, maxlength: 500 }],
    path: 'status', body: (v) => ({ to: 'RESIGNED', reason: v.reason.trim() }),
    confirm: (v, l) => ({
      title: tr('确认辞任', 'Confirm the resignation'),
      body: tr(`${l.name} 将记为“辞任”：其楼门职务今天结束，此后不能恢复履职（如再任须重新提名）。`,
        `${l.name} will be recorded as resigned: their assignments end today and service cannot be resumed (serving again needs a new nomination).`),
      ok: tr('确认辞任', 'Record the resignation'),
    }),
  },
  retire: {
    zh: '离任', en: 'Retire', kind: 'outline-danger',
    intro: ['离任：结束全部楼门职务，档案和履历保留。', 'Retire: every assignment ends; the record and its history stay.'],
    fields: [{ key: 'on', zh: '离任日期（不填为今天）', en: 'Leaves on (empty: today)', type: 'date' }],
    path: 'retire', body: (v, l) => ({ version: l.version, on: v.on || null }),
    confirm: (v, l) => ({
      title: tr('确认离任', 'Confirm retirement'),
      body: tr(`${l.name} 将记为“离任”：全部楼门职务于 ${v.on || today()} 结束，不能撤销。`,
        `${l.name} will be recorded as retired: every assignment ends on ${v.on || today()}; this cannot be undone.`),
      ok: tr('确认离任', 'Retire'),
    }),
  },
};
const ORDER = Object.keys(ACTIONS);

/** The fields a person edits, in the form's order. */
const EDITABLE = ['name', 'gender', 'birthDate', 'education', 'partyMember', 'phone', 'nomination', 'liaison'];
const FIELD_NAMES = {
  name: ['姓名', 'Name'], gender: ['性别', 'Gender'], birthDate: ['出生日期', 'Date of birth'], education: ['文化程度', 'Education'],
  partyMember: ['中共党员', 'Party member'], phone: ['手机号', 'Mobile phone'], nomination: ['产生方式', 'How nominated'],
  liaison: ['党建联络员', 'Party liaison'],
};

function num(v) { return v === '' || v == null ? null : Number(v); }

/** A field's value as people read it. */
function shown(k, v) {
  switch (k) {
    case 'gender': return label(GENDER, v);
    case 'education': return label(EDUCATION, v);
    case 'nomination': return label(NOMINATION, v);
    case 'partyMember': case 'liaison': return yesNo(v);
    default: return v ?? '';
  }
}

/** SELF by 张三 for UNIT_LEADER 120112103001B001U01 (the history's note of a nomination). */
function parseNomination(steps) {
  const s = (steps || []).find((x) => x.to === 'NOMINATED');
  const m = s && s.details && /^(SELF|RECOMMENDED) by (.+) for (UNIT_LEADER|BUILDING_LEADER) (\S+)$/.exec(s.details);
  return m ? { method: m[1], by: m[2], role: m[3], place: m[4] } : null;
}

/** The history's notes (written by the server in a fixed form) in words; anything else as it is. */
function note(s, places) {
  const d = s.details || '';
  let m;
  if ((m = /^(SELF|RECOMMENDED) by (.+) for (UNIT_LEADER|BUILDING_LEADER) (\S+)$/.exec(d))) {
    const who = m[1] === 'SELF' ? tr('自荐', 'self-nominated') : tr(`推荐人：${m[2]}`, `recommended by ${m[2]}`);
    return tr(`${who}；拟任 ${places[m[4]] || ''} ${label(ROLE, m[3])}（${m[4]}）`, `${who}; for ${label(ROLE, m[3])} of ${places[m[4]] || ''} (${m[4]})`);
  }
  if ((m = /^attendees (\d+), for (\d+), against (\d+), abstained (\d+)$/.exec(d))) {
    return tr(`出席 ${m[1]} 人，赞成 ${m[2]}，反对 ${m[3]}，弃权 ${m[4]}`, `${m[1]} present: ${m[2]} for, ${m[3]} against, ${m[4]} abstained`);
  }
  if ((m = /^session (.+?)(?: from (\d{4}-\d{2}-\d{2}))?$/.exec(d))) {
    return tr(`培训班次：${m[1]}${m[2] ? `，${m[2]} 开班` : ''}`, `Session: ${m[1]}${m[2] ? `, from ${m[2]}` : ''}`);
  }
  if ((m = /^batch (\d+) (.+) from (\d{4}-\d{2}-\d{2})$/.exec(d))) {
    return tr(`报名入职培训班：${m[2]}，${m[3]} 开班`, `Enrolled in the batch ${m[2]}, from ${m[3]}`);
  }
  if ((m = /^work ID (\S+), armband issued (\S+)$/.exec(d))) {
    return tr(`工作证号 ${m[1]}，袖标 ${m[2]} 发放`, `Work ID ${m[1]}, armband issued ${m[2]}`);
  }
  if (d === 'on the nominated place') return tr('按提名的楼门上岗', 'Serves the nominated place');
  return d;
}

export default defineComponent({
  setup() {
    const id = computed(() => route.params.id);
    const leader = useLoad(() => api.get(`/leaders/${id.value}`));
    const history = useLoad(() => api.get(`/leaders/${id.value}/history`));
    const training = useLoad(async () => {
      const [o, c] = await Promise.all([api.get(`/leaders/${id.value}/training`), api.get(`/leaders/${id.value}/capacity-training`)]);
      return { onboarding: o.onboarding, capacity: c };
    });
    const acts = reactive({ list: null, source: null, note: null });
    const loadActions = async () => {
      try {
        const r = await api.get(`/leaders/${id.value}/actions`);
        acts.list = r.actions; acts.source = 'route';
      } catch (e) {
        // the route is newer than this page: until it answers, the status says what may happen
        acts.list = null; acts.source = 'status';
      }
    };
    loadActions();
    const places = ref({});
    const reloadAll = async () => { await Promise.all([leader.reload(), history.reload(), loadActions(), training.reload()]); };
    const allowed = computed(() => {
      const l = leader.data;
      if (!l) return [];
      const list = acts.source === 'route' && acts.list ? acts.list : acts.source === 'allowed' && acts.list ? acts.list : BY_STATUS[l.status] || [];
      return ORDER.filter((a) => list.includes(a));
    });
    const nomination = computed(() => parseNomination(history.data));
    watch(() => leader.data && leader.data.community, async (c) => {
      if (!c) return;
      try {
        const bs = await api.get(`/communities/${c}/buildings`);
        const m = {};
        bs.forEach((b) => { m[b.code] = b.label; b.units.forEach((u) => { m[u.code] = `${b.label} ${u.label}`; }); });
        places.value = m;
      } catch (e) { /* labels are a convenience: codes are shown anyway */ }
    });

    // ---- lifecycle actions ----
    const act = reactive({ open: null, v: {}, missing: {} });
    const actForm = useForm();
    const open = (a) => {
      act.open = a; act.missing = {}; actForm.error = null; actForm.fields = {};
      act.v = Object.fromEntries(ACTIONS[a].fields.map((f) => [f.key, '']));
      if (a === 'decision') act.v.meetingDate = today();
      if (a === 'assessment') act.v.result = 'PASSED';
      if (a === 'certification') act.v.armbandIssuedOn = today();
      acts.note = null;
    };
    const runAction = async (e) => {
      e.preventDefault();
      const a = ACTIONS[act.open];
      const l = leader.data;
      act.missing = {};
      for (const f of a.fields) if (f.required && String(act.v[f.key] ?? '').trim() === '') act.missing[f.key] = tr('请填写此项', 'Please fill this in');
      if (Object.keys(act.missing).length) return;
      if (a.confirm) {
        const ok = await confirmAction(a.confirm(act.v, l));
        if (!ok) return;
      }
      const name = act.open;
      const r = await actForm.run(() => api.post(`/leaders/${l.id}/${a.path}`, a.body(act.v, l)));
      if (r) {
        toast(tr(`已办理：${a.zh}。现在状态：${label(STATUS, r.status)}`, `Done: ${a.en}. Now: ${label(STATUS, r.status)}`));
        act.open = null;
        await reloadAll();
      } else if (actForm.error instanceof ApiError && actForm.error.code === 'illegal-transition') {
        // someone moved the leader meanwhile: say so, and offer what is allowed from where the leader is now
        const b = actForm.error.body;
        acts.list = actionsFromAllowed(b.from, b.allowed || []);
        acts.source = acts.source === 'route' ? 'route' : 'allowed';
        acts.note = { action: name, from: b.from };
        act.open = null;
        await reloadAll();
      }
    };

    // ---- editing with the version read ----
    const edit = reactive({ on: false, base: null, v: {}, stale: null, missing: {} });
    const editForm = useForm();
    const startEdit = () => {
      const l = leader.data;
      edit.on = true; edit.base = l; edit.stale = null; edit.missing = {};
      edit.v = Object.fromEntries(EDITABLE.map((k) => [k, l[k]]));
      editForm.error = null; editForm.fields = {};
    };
    const changes = () => Object.fromEntries(EDITABLE.filter((k) => edit.v[k] !== edit.base[k]).map((k) => [k, edit.v[k]]));
    const save = async (e) => {
      e.preventDefault();
      const mine = changes();
      if (!Object.keys(mine).length) { edit.on = false; toast(tr('没有修改', 'Nothing changed'), 'info'); return; }
      const body = { ...mine, version: edit.base.version };
      if (typeof body.name === 'string') body.name = body.name.trim();
      if (typeof body.phone === 'string') body.phone = body.phone.trim();
      const r = await editForm.run(() => api.put(`/leaders/${edit.base.id}`, body));
      if (r) {
        toast(tr('已保存', 'Saved'));
        edit.on = false;
        leader.data = r;
        history.reload();
      } else if (editForm.error instanceof ApiError && editForm.error.code === 'stale-version') {
        try {
          const fresh = await api.get(`/leaders/${edit.base.id}`);
          edit.stale = { fresh, mine };
        } catch (err) { /* the error box says what went wrong */ }
      }
    };
    const reapply = () => {
      const { fresh, mine } = edit.stale;
      edit.base = fresh;
      edit.v = { ...Object.fromEntries(EDITABLE.map((k) => [k, fresh[k]])), ...mine };
      edit.stale = null; editForm.error = null;
      leader.data = fresh;
      toast(tr(`已载入最新版本并重新填入您的修改，请核对后保存`, 'The latest version is loaded with your changes on it; check and save'), 'info');
    };
    const discard = () => { leader.data = edit.stale.fresh; edit.on = false; edit.stale = null; editForm.error = null; };

    // ---- rendering ----
    const dl = (rows) => html`<dl class="row mb-0 profile">
      ${rows.filter(Boolean).map(([k, v, testid]) => html`<dt class="col-5 col-sm-4 col-xl-3">${k}</dt><dd class="col-7 col-sm-8 col-xl-9" data-testid=${testid}>${v}</dd>`)}
    </dl>`;

    const profile = (l) => {
      const n = nomination.value;
      return dl([
        [tr('姓名', 'Name'), l.name, 'profile-name'],
        [tr('状态', 'Status'), statusBadge(l.status), 'profile-status'],
        [tr('性别', 'Gender'), label(GENDER, l.gender)],
        [tr('年龄', 'Age'), html`${age(l.birthDate)} ${tr('岁', 'years')} <span class="text-body-secondary">${tr(`（${fmtDate(l.birthDate)}）`, `(born ${fmtDate(l.birthDate)})`)}</span>`],
        [tr('文化程度', 'Education'), label(EDUCATION, l.education)],
        [tr('中共党员', 'Party member'), yesNo(l.partyMember)],
        [tr('手机号', 'Mobile phone'), l.phone, 'profile-phone'],
        [tr('党建联络员', 'Party liaison'), l.liaison ? tr('是（一肩挑）', 'Yes (both roles)') : tr('否', 'No')],
        [tr('产生方式', 'How nominated'), html`${label(NOMINATION, l.nomination)}${n ? html`<span>${n.method === 'RECOMMENDED' ? html`${tr('，推荐人：', '; by ')}${n.by}` : null}${tr('；拟任', '; for ')}${places.value[n.place] || ''} ${label(ROLE, n.role)} <span class="mono small">${n.place}</span></span>` : null}`],
        [tr('工作证号', 'Work ID'), l.workId || html`<span class="text-body-secondary">${tr('未发证', 'not issued')}</span>`],
        [tr('所属社区', 'Community'), html`${placeName(l.community)} <span class="mono small">${l.community}</span>`],
        [tr('编号', 'No.'), html`<span class="mono">${l.id}</span>`],
      ]);
    };

    const editField = (k, { id, describedBy }) => {
      const invalid = !!(edit.missing[k] || editForm.err(k));
      const set = (val) => { edit.v[k] = val; };
      const cls = (c) => c + (invalid ? ' is-invalid' : '');
      if (k === 'gender' || k === 'education' || k === 'nomination') {
        const table = k === 'gender' ? GENDER : k === 'education' ? EDUCATION : NOMINATION;
        return html`<select id=${id} class=${cls('form-select')} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} onChange=${(e) => set(e.target.value)}>${options(choices(table), edit.v[k])}</select>`;
      }
      if (k === 'partyMember' || k === 'liaison') {
        return html`<select id=${id} class=${cls('form-select')} aria-describedby=${describedBy} onChange=${(e) => set(e.target.value === 'true')}>
          ${options([{ value: 'true', label: tr('是', 'Yes') }, { value: 'false', label: tr('否', 'No') }], String(edit.v[k]))}</select>`;
      }
      return html`<input id=${id} name=${k} data-testid=${'edit-' + k} class=${cls('form-control')} type=${k === 'birthDate' ? 'date' : k === 'phone' ? 'tel' : 'text'}
                         aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} value=${edit.v[k]} onInput=${(e) => set(e.target.value)} />`;
    };

    const staleBox = () => {
      const { fresh, mine } = edit.stale;
      const base = edit.base;
      const keys = EDITABLE.filter((k) => k in mine || fresh[k] !== base[k]);
      return html`<div class="alert alert-warning" role="alert" data-testid="stale">
        <p class="fw-bold mb-1">${tr('未保存：在您编辑期间，这位楼门栋长的信息已被他人修改。', 'Not saved: someone else changed this leader while you were editing.')}</p>
        <p class="mb-2">${tr(`您编辑的是第 ${base.version} 版，现在已是第 ${fresh.version} 版。为免覆盖他人的修改，请在最新版本上重新应用您的修改，核对后再保存。`,
          `You edited version ${base.version}; it is now version ${fresh.version}. So as not to overwrite the other change, re-apply yours on the latest version, check, and save again.`)}</p>
        <div class="table-responsive"><table class="table table-sm mb-2">
          <thead><tr><th scope="col">${tr('项目', 'Field')}</th><th scope="col">${tr('最新版本', 'Latest version')}</th><th scope="col">${tr('您的修改', 'Your change')}</th></tr></thead>
          <tbody>${keys.map((k) => html`<tr><th scope="row">${tr(...FIELD_NAMES[k])}</th><td>${shown(k, fresh[k])}</td><td>${k in mine ? shown(k, mine[k]) : html`<span class="text-body-secondary">${tr('（未改）', '(unchanged)')}</span>`}</td></tr>`)}</tbody>
        </table></div>
        <div class="d-flex flex-wrap gap-2">
          <button type="button" class="btn btn-primary" data-testid="reapply" onClick=${reapply}>${tr(`载入第 ${fresh.version} 版并重新应用我的修改`, `Load version ${fresh.version} and re-apply my changes`)}</button>
          <button type="button" class="btn btn-outline-dark" data-testid="discard" onClick=${discard}>${tr('放弃我的修改', 'Discard my changes')}</button>
        </div>
      </div>`;
    };

    const editCard = () => html`<form class="card mb-3" onSubmit=${save} novalidate data-testid="edit-form">
      <div class="card-body">
        <h2 class="card-title">${tr('编辑基本信息', 'Edit details')} <small class="text-body-secondary fw-normal">${tr(`（第 ${edit.base.version} 版）`, `(version ${edit.base.version})`)}</small></h2>
        ${edit.stale ? staleBox() : editForm.error && !editForm.error.field ? html`<${ErrorAlert} error=${editForm.error} />` : null}
        <div class="row g-3">
          ${EDITABLE.map((k) => html`<${Field} key=${k} col="col-12 col-sm-6 col-lg-3" label=${tr(...FIELD_NAMES[k])} error=${edit.missing[k] || editForm.err(k)}>${(slot) => editField(k, slot)}<//>`)}
        </div>
        <div class="d-flex gap-2 mt-3">
          <${BusyButton} type="submit" busy=${editForm.busy} disabled=${!!edit.stale} testid="save">${tr('保存', 'Save')}<//>
          <button type="button" class="btn btn-outline-secondary" onClick=${() => { edit.on = false; edit.stale = null; }}>${tr('取消', 'Cancel')}</button>
        </div>
      </div>
    </form>`;

    const actionForm = (l) => {
      const a = ACTIONS[act.open];
      return html`<form class="border rounded p-3 mt-3 bg-light" onSubmit=${runAction} novalidate data-testid=${'action-form-' + act.open}>
        <h3 class="h6">${tr(a.zh, a.en)}</h3>
        <p class="small mb-2">${tr(...a.intro)}</p>
        ${actForm.error && !actForm.error.field && actForm.error.code !== 'illegal-transition' ? html`<${ErrorAlert} error=${actForm.error} />` : null}
        <div class="row g-2">
          ${a.fields.map((f) => html`<${Field} key=${f.key} col=${f.type === 'number' ? 'col-6 col-md-2' : 'col-12 col-md-4'} label=${tr(f.zh, f.en)} required=${!!f.required} error=${act.missing[f.key] || actForm.err(f.key)}>${({ id, describedBy }) => html`
            ${f.type === 'select' ? html`<select id=${id} name=${f.key} class="form-select" aria-describedby=${describedBy} onChange=${(e) => { act.v[f.key] = e.target.value; }}>
                ${options(f.choices.map((c) => ({ value: c[0], label: tr(c[1], c[2]) })), act.v[f.key], tr('请选择', 'Choose'))}</select>` : html`
            <input id=${id} name=${f.key} class=${'form-control' + (act.missing[f.key] || actForm.err(f.key) ? ' is-invalid' : '')} type=${f.type}
                   min=${f.min} max=${f.max ? f.max() : null} maxlength=${f.maxlength} inputmode=${f.type === 'number' ? 'numeric' : null}
                   aria-describedby=${describedBy} value=${act.v[f.key]} onInput=${(e) => { act.v[f.key] = e.target.value; }} />`}`}<//>`)}
        </div>
        <div class="d-flex gap-2 mt-2">
          <${BusyButton} type="submit" busy=${actForm.busy} kind=${a.kind.startsWith('outline-') ? a.kind.slice(8) : a.kind} testid="action-submit">${tr('确定', 'Confirm')}：${tr(a.zh, a.en)}<//>
          <button type="button" class="btn btn-outline-dark" onClick=${() => { act.open = null; }}>${tr('取消', 'Cancel')}</button>
        </div>
      </form>`;
    };

    const actionsCard = (l) => html`<div class="card mb-3" data-testid="actions">
      <div class="card-body">
        <h2 class="card-title">${tr('办理', 'Next steps')}</h2>
        ${acts.note ? html`<div class="alert alert-info" role="status" data-testid="actions-note">${tr(
          `无法办理“${ACTIONS[acts.note.action].zh}”：该楼门栋长现在的状态是“${label(STATUS, acts.note.from)}”（可能刚被他人办理）。下面是现在可办理的事项。`,
          `Could not ${ACTIONS[acts.note.action].en.toLowerCase()}: the leader is now ${label(STATUS, acts.note.from)} (perhaps someone else just acted). Below is what may be done now.`)}</div>` : null}
        ${allowed.value.length ? html`<div class="d-flex flex-wrap gap-2">
            ${allowed.value.map((a) => (ACTIONS[a].href ? html`<a key=${a} class=${`btn btn-${ACTIONS[a].kind}`} href=${ACTIONS[a].href} data-action=${a}>${tr(ACTIONS[a].zh, ACTIONS[a].en)}</a>` : html`<button type="button" key=${a} class=${`btn btn-${ACTIONS[a].kind}` + (act.open === a ? ' active' : '')}
                data-action=${a} aria-expanded=${act.open === a ? 'true' : 'false'} onClick=${() => open(a)}>${tr(ACTIONS[a].zh, ACTIONS[a].en)}</button>`))}
          </div>`
          : html`<p class="mb-0 text-body-secondary" data-testid="no-actions">${tr(`状态为“${label(STATUS, l.status)}”，没有可办理的事项。`, `${label(STATUS, l.status)}: nothing to do.`)}</p>`}
        ${act.open && allowed.value.includes(act.open) ? actionForm(l) : null}
      </div>
    </div>`;

    const assignmentColumns = [
      { key: 'role', label: () => tr('职务', 'Role'), cell: (a) => label(ROLE, a.role) },
      { key: 'building', label: () => tr('楼栋', 'Building'), cell: (a) => html`${a.buildingLabel} <span class="mono small text-body-secondary">${a.building}</span>` },
      { key: 'unit', label: () => tr('单元', 'Unit'), cell: (a) => (a.unit ? html`${a.unitLabel} <span class="mono small text-body-secondary">${a.unit}</span>` : html`<span class="text-body-secondary">${tr('（整栋）', '(whole building)')}</span>`) },
      { key: 'start', label: () => tr('起', 'Since'), cell: (a) => (a.start ? fmtDate(a.start) : tr('不详', 'unknown')) },
      { key: 'end', label: () => tr('止', 'Until'), cell: (a) => (a.end ? fmtDate(a.end) : tr('至今', 'now')) },
      { key: 'poster', label: () => tr('公示牌', 'Poster'), cell: (a) => (a.unit && !a.end ? html`<a href=${'#/print/poster/' + a.unit} data-testid="print-poster">${tr('打印', 'Print')}</a>` : '') },
    ];

    // ---- phone consent (PIPL art. 25: made public only with a separate consent; withdrawable) ----
    const consentForm = useForm();
    const setConsent = async (l, consent) => {
      const ok = await confirmAction(consent ? {
        title: tr('记录本人同意公开手机号？', 'Record consent to show the phone number?'),
        body: tr(`请确认 ${l.name} 本人已明确同意（书面或当面）：居民在楼门页、公示牌和名录上可以看到其完整手机号。本人可随时撤回。`,
          `Confirm that ${l.name} has clearly agreed (in writing or in person) that residents see the full number on the unit page, poster and directory. It can be withdrawn at any time.`),
        ok: tr('记录同意', 'Record consent'), danger: false,
      } : {
        title: tr('记录撤回同意？', 'Record withdrawal?'),
        body: tr('撤回后立即生效：居民只能看到隐去中间四位的号码。', 'Takes effect at once: residents see the number with four digits hidden.'),
        ok: tr('记录撤回', 'Record withdrawal'), danger: true,
      });
      if (!ok) return;
      const r = await consentForm.run(() => api.put(`/leaders/${l.id}/phone-consent`, { consent }));
      if (r) {
        leader.data = { ...leader.data, phoneConsent: r.consent ? { at: r.at, by: r.by } : null };
        toast(consent ? tr('已记录同意公开手机号', 'Consent recorded') : tr('已记录撤回，手机号不再公开', 'Withdrawal recorded'));
      }
    };
    const consentCard = (l) => html`<div class="card mb-3" data-testid="consent-card"><div class="card-body">
      <h2 class="card-title">${tr('手机号公开（本人单独同意）', 'Phone number shown to residents (separate consent)')}</h2>
      <${ErrorAlert} error=${consentForm.error} />
      <p class="mb-2" data-testid="consent-state">${l.phoneConsent
        ? tr(`已同意公开：${fmtDateTime(l.phoneConsent.at)} 由 ${l.phoneConsent.by} 记录。居民可看到完整手机号。`, `Consent given: recorded ${fmtDateTime(l.phoneConsent.at)} by ${l.phoneConsent.by}. Residents see the full number.`)
        : tr('未同意：居民只能看到隐去中间四位的号码（如 138****1234）。', 'No consent: residents see the number with four digits hidden (e.g. 138****1234).')}</p>
      ${l.phoneConsent
        ? html`<${BusyButton} kind="outline-danger" busy=${consentForm.busy} testid="consent-withdraw" onClick=${() => setConsent(l, false)}>${tr('记录撤回同意', 'Record withdrawal')}<//>`
        : html`<${BusyButton} kind="outline-primary" busy=${consentForm.busy} testid="consent-give" onClick=${() => setConsent(l, true)}>${tr('记录本人同意公开', 'Record the leader\'s consent')}<//>`}
    </div></div>`;
    // ---- training record: onboarding (入职培训) and capacity training (赋能培训) ----
    const RESULT_WORDS = { PASSED: ['合格', 'Passed', 'success'], FAILED: ['不合格', 'Failed', 'danger'], ABSENT: ['缺考', 'Absent', 'secondary'] };
    const resultBadge = (r) => { const w = RESULT_WORDS[r]; return w ? html`<span class=${'badge text-bg-' + w[2]}>${tr(w[0], w[1])}</span>` : html`<span class="badge text-bg-info">${tr('待考核', 'To assess')}</span>`; };
    const onboardingColumns = [
      { key: 'title', label: () => tr('培训班', 'Batch'), cell: (e) => (e.batch ? html`<a href=${'#/training/' + e.batch}>${e.title}</a>` : e.title) },
      { key: 'startsOn', label: () => tr('日期', 'Dates'), cell: (e) => (e.startsOn ? `${fmtDate(e.startsOn)} – ${fmtDate(e.endsOn)}` : fmtDate(e.enrolledAt)) },
      { key: 'days', label: () => tr('出勤', 'Attended'), cell: (e) => (e.days ? tr(`${e.daysAttended}/${e.days} 天`, `${e.daysAttended}/${e.days} days`) : '') },
      { key: 'result', label: () => tr('考核', 'Result'), cell: (e) => resultBadge(e.result) },
      { key: 'note', label: () => tr('备注', 'Note'), cell: (e) => e.note || '' },
      { key: 'workId', label: () => tr('发证', 'Certified'), cell: (e) => (e.workId ? tr(`工作证号 ${e.workId}，袖标 ${fmtDate(e.armbandOn)}`, `Work ID ${e.workId}, armband ${fmtDate(e.armbandOn)}`) : '') },
    ];
    const capacityColumns = [
      { key: 'heldOn', label: () => tr('日期', 'Date'), cell: (s) => fmtDate(s.heldOn) },
      { key: 'topic', label: () => tr('主题', 'Topic') },
      { key: 'provider', label: () => tr('培训机构', 'Provider') },
      { key: 'hours', label: () => tr('学时', 'Hours'), class: 'text-end' },
    ];
    const trainingCard = () => html`<div class="card mb-3" data-testid="training-record"><div class="card-body">
      <h2 class="card-title">${tr('培训记录', 'Training record')}</h2>
      <${ErrorAlert} error=${training.error} />
      <h3 class="h6">${tr('入职培训', 'Onboarding training')}</h3>
      <${DataTable} columns=${onboardingColumns} rows=${training.data ? training.data.onboarding : []} rowKey="enrolledAt" caption=${tr('入职培训', 'Onboarding training')}
                    empty=${tr('没有入职培训记录', 'No onboarding training recorded')} />
      <h3 class="h6 mt-3">${tr('赋能培训', 'Capacity training')}
        ${training.data ? html` <small class="text-body-secondary fw-normal" data-testid="capacity-years">${training.data.capacity.years.map((y) => tr(`${y.year}年 ${y.sessions} 次 ${y.hours} 学时`, `${y.year}: ${y.sessions} sessions, ${y.hours} h`)).join('；') || tr('（暂无）', '(none)')}</small>` : null}</h3>
      <${DataTable} columns=${capacityColumns} rows=${training.data ? training.data.capacity.sessions : []} rowKey="session" caption=${tr('赋能培训', 'Capacity training')}
                    empty=${tr('没有赋能培训记录', 'No capacity training recorded')} />
    </div></div>`;
    const historyColumns = [
      { key: 'at', label: () => tr('时间', 'When'), cell: (s) => fmtDateTime(s.at) },
      { key: 'move', label: () => tr('变化', 'Change'), cell: (s) => html`${s.from ? label(STATUS, s.from) + ' → ' : ''}${label(STATUS, s.to)}` },
      { key: 'actor', label: () => tr('办理人', 'By'), cell: (s) => s.actor },
      { key: 'why', label: () => tr('原因 / 说明', 'Why / details'), cell: (s) => [s.reason, note(s, places.value)].filter(Boolean).join('；') },
    ];

    return () => {
      const l = leader.data;
      const title = l ? l.name : tr('楼门栋长', 'Leader');
      return html`<div>
        <${PageHeader} title=${title} crumbs=${[{ label: tr('楼门栋长', 'Leaders'), href: '#/leaders' }]}>
          ${l ? statusBadge(l.status) : null}
          ${l && l.workId ? html`<a class="btn btn-outline-dark" href=${'#/print/card/' + l.id} data-testid="print-card">${tr('打印工作证', 'Print work ID card')}</a>` : null}
        <//>
        <${ErrorAlert} error=${leader.error} />
        ${!l && leader.loading ? html`<${Loading} />` : null}
        ${l ? html`
          ${actionsCard(l)}
          ${edit.on ? editCard() : html`<div class="card mb-3"><div class="card-body">
            <div class="d-flex align-items-center mb-2"><h2 class="card-title me-auto mb-0">${tr('基本信息', 'Details')}</h2>
              <button type="button" class="btn btn-sm btn-outline-primary" data-testid="edit" onClick=${startEdit}>${tr('编辑', 'Edit')}</button></div>
            ${profile(l)}
          </div></div>`}
          ${consentCard(l)}
          <div class="card mb-3"><div class="card-body">
            <h2 class="card-title">${tr('楼门职务', 'Assignments')}</h2>
            <${DataTable} columns=${assignmentColumns} rows=${l.assignments} rowKey="unit" caption=${tr('楼门职务', 'Assignments')}
                          empty=${l.status === 'CERTIFIED' ? tr('尚未上岗：点“上岗”后按提名的楼门开始履职', 'Not serving yet: Start service assigns the nominated place')
                            : tr('暂无楼门职务', 'No assignments')} />
          </div></div>
          ${trainingCard()}
          <div class="card mb-3"><div class="card-body">
            <h2 class="card-title">${tr('履历', 'History')}</h2>
            <${ErrorAlert} error=${history.error} />
            <${DataTable} columns=${historyColumns} rows=${history.data || []} rowKey="at" caption=${tr('状态变化记录', 'Status history')}
                          empty=${tr('没有状态变化记录（导入或直接登记的楼门栋长从“在任”开始）', 'No recorded moves (imported or registered leaders start in service)')} />
          </div></div>` : null}
      </div>`;
    };
  },
});
