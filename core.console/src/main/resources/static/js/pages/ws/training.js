// 我的培训: a leader's own training record — onboarding (入职培训) with its result and work ID, and capacity training
// (赋能培训) with hours per year.
import { html, defineComponent, reactive } from '../../lib.js';
import { tr, fmtDate } from '../../i18n.js';
import { api } from '../../api.js';
import { SectionHead, problem, loading } from './kit.js';

const RESULT = { PASSED: ['合格', 'Passed'], FAILED: ['不合格', 'Failed'], ABSENT: ['缺考', 'Absent'] };

export const training = defineComponent({
  setup() {
    const s = reactive({ data: null, error: null });
    api.get('/me/training').then((d) => { s.data = d; }).catch((e) => { s.error = e; });
    return () => {
      const d = s.data;
      return html`<div>
        <${SectionHead} title=${tr('我的培训', 'My training')} />
        ${problem(s.error)}
        ${!d ? (s.error ? null : loading()) : html`
          <section class="section" data-testid="ws-training-years">
            <h2>${tr('赋能培训学时', 'Capacity training hours')}</h2>
            ${d.capacity.years.length ? html`<dl class="kv">${d.capacity.years.map((y) => html`<dt>${tr(`${y.year}年`, `${y.year}`)}</dt><dd>${tr(`${y.sessions} 次，${y.hours} 学时`, `${y.sessions} sessions, ${y.hours} hours`)}</dd>`)}</dl>`
              : html`<p class="mb-0">${tr('还没有参加过赋能培训。', 'No capacity training yet.')}</p>`}
          </section>
          ${d.capacity.sessions.map((c) => html`<section class="section" key=${c.session} data-testid="ws-capacity">
            <h2>${c.topic}</h2>
            <dl class="kv"><dt>${tr('日期', 'Date')}</dt><dd>${fmtDate(c.heldOn)}</dd><dt>${tr('培训机构', 'Provider')}</dt><dd>${c.provider}</dd>
              <dt>${tr('学时', 'Hours')}</dt><dd>${c.hours}</dd></dl></section>`)}
          ${d.onboarding.map((e) => html`<section class="section" key=${e.enrolledAt} data-testid="ws-onboarding">
            <h2>${tr('入职培训', 'Onboarding training')}：${e.title}</h2>
            <dl class="kv">
              ${e.startsOn ? html`<dt>${tr('日期', 'Dates')}</dt><dd>${fmtDate(e.startsOn)} – ${fmtDate(e.endsOn)}</dd>` : null}
              <dt>${tr('考核', 'Result')}</dt><dd>${e.result ? tr(...RESULT[e.result]) : tr('待考核', 'Not yet assessed')}</dd>
              ${e.workId ? html`<dt>${tr('工作证号', 'Work ID')}</dt><dd class="mono">${e.workId}</dd>` : null}</dl></section>`)}`}
      </div>`;
    };
  },
});
