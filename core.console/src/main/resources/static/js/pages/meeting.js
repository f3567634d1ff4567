// 会议详情: a scheduled meeting is recorded here once held (date, who of the community's leaders attended, minutes,
// action items — each may follow up a problem report of the community); a held one shows its record.
import { html, defineComponent, reactive, computed } from '../lib.js';
import { tr, fmtDate, today } from '../i18n.js';
import { api } from '../api.js';
import { route } from '../router.js';
import { placeName } from '../places.js';
import { PageHeader, Field, options, ErrorAlert, BusyButton, Loading, Empty, toast, useLoad, useForm } from '../ui.js';
import { MEETING_KIND, MEETING_STATUS, LEADER_STATUS } from '../widgets/work-common.js';

export default defineComponent({
  setup() {
    const id = route.params.id;
    const meeting = useLoad(() => api.get(`/meetings/${id}`));
    const leaders = useLoad(async () => {
      const m = meeting.data || await api.get(`/meetings/${id}`);
      const r = await api.get('/leaders', { community: m.community, size: 200, sort: 'name' });
      return r.items || [];
    });
    const reports = useLoad(async () => {
      const m = meeting.data || await api.get(`/meetings/${id}`);
      const r = await api.get('/reports', { community: m.community, size: 100 });
      return r.items || [];
    });
    const v = reactive({ heldOn: '', attendees: new Set(), minutes: '', items: [] });
    const form = useForm();
    const byId = computed(() => Object.fromEntries((leaders.data || []).map((l) => [l.id, l])));
    const serving = computed(() => (leaders.data || []).filter((l) => l.status === 'IN_SERVICE' || v.attendees.has(l.id)));
    const toggle = (lid, on) => { const s = new Set(v.attendees); if (on) s.add(lid); else s.delete(lid); v.attendees = s; };
    const addItem = () => { v.items.push({ report: '', owner: '', text: '' }); };
    const submit = async (e) => {
      e.preventDefault();
      const m = meeting.data;
      const r = await form.run(() => api.post(`/meetings/${id}/record`, {
        heldOn: v.heldOn || (m.scheduledOn <= today() ? m.scheduledOn : today()),
        attendees: [...v.attendees], minutes: v.minutes.trim(),
        actionItems: v.items.filter((i) => i.text.trim()).map((i) => ({ report: i.report ? Number(i.report) : null, owner: i.owner.trim() || null, text: i.text.trim() })),
      }));
      if (r) { meeting.data = r; toast(tr('会议已记录', 'Meeting recorded')); }
    };
    const leaderLabel = (l) => `${l.name}（${(l.assignments || []).filter((a) => !a.end).map((a) => (a.buildingLabel || '') + (a.unitLabel || '')).join('、') || '—'}）`;

    const RecordForm = () => {
      const m = meeting.data;
      const defaultDay = m.scheduledOn <= today() ? m.scheduledOn : today();
      return html`
        <form class="card card-body" novalidate onSubmit=${submit} data-testid="record-form">
          <h2 class="card-title">${tr('记录会议', 'Record the meeting')}</h2>
          ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
          <div class="row g-2">
            <${Field} col="col-12 col-md-4" label=${tr('召开日期', 'Held on')} required error=${form.err('heldOn')}
                      help=${tr('不能晚于今天', 'Not after today')}>${({ id: fid }) => html`
              <input id=${fid} type="date" class="form-control" max=${today()} value=${v.heldOn || defaultDay} data-testid="record-date"
                     onInput=${(e) => { v.heldOn = e.target.value; }} />`}<//>
          </div>
          <fieldset class="mb-3" data-testid="record-attendees">
            <legend class="form-label fs-6">${tr('出席的楼门栋长', 'Leaders present')} <small class="text-body-secondary">${tr(`（已选 ${v.attendees.size} 人）`, ` (${v.attendees.size} chosen)`)}</small></legend>
            ${leaders.error ? html`<${ErrorAlert} error=${leaders.error} />` : null}
            ${leaders.data && !serving.value.length ? html`<p class="text-body-secondary">${tr('本社区还没有在任的楼门栋长。', 'The community has no leader in service.')}</p>` : null}
            <div class="row g-1">
              ${serving.value.map((l) => html`<div class="col-12 col-md-6 col-xl-4" key=${l.id}>
                <div class="form-check">
                  <input class="form-check-input" type="checkbox" id=${'att-' + l.id} data-testid=${'attendee-' + l.id}
                         checked=${v.attendees.has(l.id)} onChange=${(e) => toggle(l.id, e.target.checked)} />
                  <label class="form-check-label" for=${'att-' + l.id}>${leaderLabel(l)}</label>
                </div></div>`)}
            </div>
            ${Object.keys(form.fields).filter((k) => k.startsWith('attendees')).map((k) => html`<div class="invalid-feedback d-block" role="alert">${form.fields[k]}</div>`)}
          </fieldset>
          <${Field} label=${tr('会议纪要', 'Minutes')} required error=${form.err('minutes')}>${({ id: fid }) => html`
            <textarea id=${fid} class="form-control" rows="4" maxlength="4000" data-testid="record-minutes" value=${v.minutes}
                      onInput=${(e) => { v.minutes = e.target.value; }}></textarea>`}<//>
          <fieldset class="mb-3">
            <legend class="form-label fs-6">${tr('待办事项', 'Action items')}</legend>
            ${v.items.map((it, i) => html`<div class="row g-2 align-items-end mb-2" key=${i}>
              <${Field} col="col-12 col-md-3 mb-0" label=${tr(`事项 ${i + 1} 关联问题时报`, `Item ${i + 1}: report`)} error=${form.err(`actionItems[${i}].report`)}>${({ id: fid }) => html`
                <select id=${fid} class="form-select" onChange=${(e) => { it.report = e.target.value; }}>
                  ${options((reports.data || []).map((r) => ({ value: r.id, label: `#${r.id} ${r.description.slice(0, 20)}` })), it.report, tr('不关联', 'None'))}</select>`}<//>
              <${Field} col="col-12 col-md-3 mb-0" label=${tr('负责人', 'Owner')}>${({ id: fid }) => html`
                <input id=${fid} class="form-control" maxlength="60" value=${it.owner} data-testid=${'item-owner-' + i} onInput=${(e) => { it.owner = e.target.value; }} />`}<//>
              <${Field} col="col-12 col-md-5 mb-0" label=${tr('事项内容', 'What')} required error=${form.err(`actionItems[${i}].text`)}>${({ id: fid }) => html`
                <input id=${fid} class="form-control" maxlength="300" value=${it.text} data-testid=${'item-text-' + i} onInput=${(e) => { it.text = e.target.value; }} />`}<//>
              <div class="col-12 col-md-1"><button type="button" class="btn btn-outline-danger w-100" onClick=${() => v.items.splice(i, 1)}
                aria-label=${tr(`删除事项 ${i + 1}`, `Remove item ${i + 1}`)}>${tr('删除', 'Remove')}</button></div>
            </div>`)}
            <button type="button" class="btn btn-outline-secondary btn-sm" data-testid="item-add" onClick=${addItem}>＋ ${tr('添加事项', 'Add an item')}</button>
          </fieldset>
          <div><${BusyButton} type="submit" busy=${form.busy} disabled=${!v.minutes.trim()} testid="record-submit">${tr('保存会议记录', 'Save the record')}<//></div>
        </form>`;
    };

    const Held = () => {
      const m = meeting.data;
      return html`
        <div class="card card-body" data-testid="meeting-record">
          <h2 class="card-title">${tr('会议记录', 'Record')}</h2>
          <dl class="row mb-3">
            <dt class="col-sm-3">${tr('召开日期', 'Held on')}</dt><dd class="col-sm-9">${fmtDate(m.heldOn)}</dd>
            <dt class="col-sm-3">${tr('出席', 'Present')}</dt>
            <dd class="col-sm-9" data-testid="meeting-attendees">${tr(`${m.attendees.length} 人：`, `${m.attendees.length}: `)}${m.attendees.map((a) => (byId.value[a] ? byId.value[a].name : '#' + a)).join('、') || '—'}</dd>
          </dl>
          <h3 class="h6">${tr('会议纪要', 'Minutes')}</h3>
          <p style=${{ whiteSpace: 'pre-line' }} data-testid="meeting-minutes">${m.minutes}</p>
          <h3 class="h6">${tr('待办事项', 'Action items')}</h3>
          ${m.actionItems.length ? html`<ol data-testid="meeting-items">${m.actionItems.map((a) => html`<li>${a.text}
              ${a.owner ? html` <span class="text-body-secondary">（${tr('负责人', 'owner')}：${a.owner}）</span>` : null}
              ${a.report ? html` <a href=${'#/reports/' + a.report}>${tr(`问题时报 #${a.report}`, `report #${a.report}`)}</a>` : null}</li>`)}</ol>`
            : html`<p class="text-body-secondary">${tr('没有待办事项', 'No action items')}</p>`}
        </div>`;
    };

    return () => {
      const m = meeting.data;
      const crumbs = [{ label: tr('例会', 'Meetings'), href: '#/meetings' }];
      const title = m ? `${MEETING_KIND.label(m.kind)} · ${fmtDate(m.scheduledOn)}` : tr('会议', 'Meeting');
      if (meeting.error) return html`<div><${PageHeader} title=${title} crumbs=${crumbs} /><${ErrorAlert} error=${meeting.error} /></div>`;
      if (!m) return html`<div><${PageHeader} title=${title} crumbs=${crumbs} /><${Loading} /></div>`;
      return html`
        <div>
          <${PageHeader} title=${title} crumbs=${crumbs}>
            <a class="btn btn-outline-dark" href=${'#/print/signin/' + id} data-testid="print-signin">${tr('打印签到表', 'Print the sign-in sheet')}</a>
          <//>
          <div class="card card-body mb-3">
            <div class="d-flex flex-wrap gap-3 align-items-center">
              <span>${placeName(m.community)}</span>
              ${MEETING_KIND.badge(m.kind)}
              <span data-testid="meeting-state">${MEETING_STATUS.badge(m.status)}</span>
              <span>${tr('计划日期', 'Scheduled for')} ${fmtDate(m.scheduledOn)}</span>
            </div>
          </div>
          ${m.status === 'HELD' ? Held() : m.scheduledOn > today()
            ? html`<div class="card card-body"><${Empty} text=${tr(`会议安排在 ${fmtDate(m.scheduledOn)}，召开后再来记录出席和纪要。`, `The meeting is on ${fmtDate(m.scheduledOn)}; record attendance and minutes once it is held.`)} /></div>`
            : RecordForm()}
        </div>`;
    };
  },
});
