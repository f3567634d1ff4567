// 我的例会 (dates, minutes, my action items) and 本街道特色项目 (the programmes enabled in my street).
import { html, defineComponent, reactive } from '../../lib.js';
import { tr, fmtDate, name } from '../../i18n.js';
import { api, session } from '../../api.js';
import { MEETING_KIND, MEETING_STATUS } from '../../widgets/work-common.js';
import { SectionHead, myLeader, problem, loading } from './kit.js';

export const meetings = defineComponent({
  setup() {
    const s = reactive({ list: null, error: null });
    api.get('/me/meetings').then((l) => { s.list = l; }).catch((e) => { s.error = e; });
    return () => html`<div>
      <${SectionHead} title=${tr('我的例会', 'My meetings')} />
      ${problem(s.error)}
      ${!s.list ? (s.error ? null : loading()) : !s.list.length ? html`<p class="section">${tr('还没有例会安排。', 'No meetings yet.')}</p>`
        : s.list.map((m) => {
          const mine = (m.actionItems || []).filter((a) => a.mine);
          return html`<section class="section" key=${m.id} data-testid="ws-meeting">
            <h2>${m.kindLabel || MEETING_KIND.label(m.kind)}　${fmtDate(m.heldOn || m.scheduledOn)}</h2>
            <p class="mb-2">${m.statusLabel || MEETING_STATUS.label(m.status)}${m.attended === true ? tr('，我已出席', ', I attended') : m.attended === false ? tr('，我未出席', ', I was absent') : ''}</p>
            ${m.minutes ? html`<h3>${tr('会议纪要', 'Minutes')}</h3><p class="ws-minutes">${m.minutes}</p>` : null}
            ${mine.length ? html`<h3>${tr('我的任务', 'My tasks')}</h3><ul data-testid="ws-my-items">${mine.map((a) => html`<li>${a.text}${a.report ? tr(`（问题 ${a.report}）`, ` (report ${a.report})`) : ''}</li>`)}</ul>` : null}
            ${(m.actionItems || []).length > mine.length ? html`<details><summary class="easy-target">${tr('全部任务', 'All tasks')}</summary><ul>${m.actionItems.map((a) => html`<li>${a.text}${a.owner ? '（' + a.owner + '）' : ''}</li>`)}</ul></details>` : null}
          </section>`;
        })}
    </div>`;
  },
});

export const programmes = defineComponent({
  setup() {
    const s = reactive({ list: null, error: null, street: '' });
    // an account that is not a leader's (e.g. a programme's steward, bound at a unit) finds its street in its bindings
    const street = () => (session.user && !session.user.leaderId && session.user.bindings.length
      ? Promise.resolve(session.user.bindings[0].node.slice(0, 9)) : myLeader().then((l) => l.street));
    street().then((st) => { s.street = st; return api.get(`/streets/${st}/programmes`); }).then((l) => { s.list = l.filter((p) => p.enabled); })
      .catch((e) => { s.error = e; });
    return () => html`<div>
      <${SectionHead} title=${tr('本街道特色项目', 'Programmes in my street')} />
      ${problem(s.error)}
      ${!s.list ? (s.error ? null : loading()) : !s.list.length ? html`<p class="section">${tr('本街道还没有开展特色项目。', 'No programmes run in your street yet.')}</p>`
        : html`<ul class="list-easy section" data-testid="ws-programmes">${s.list.map((p) => html`<li key=${p.id}>
          <div class="row-title">${name(p.name)}</div>
          ${p.description ? html`<div>${name(p.description)}</div>` : null}
          ${p.state === 'ACTIVE' && p.console && p.console.resources && (p.roles || []).includes('LEADER')
            ? html`<a class="btn btn-outline-primary mt-1" href=${`#/p/${s.street}/${p.id}`}>${tr('打开', 'Open')}</a>` : null}
        </li>`)}</ul>`}
    </div>`;
  },
});
