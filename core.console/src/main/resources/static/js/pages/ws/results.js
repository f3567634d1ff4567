// 评议结果 (my results of closed evaluations) and 我的表彰 (my awards, each with a printable certificate).
import { html, defineComponent, reactive } from '../../lib.js';
import { tr, fmtDate, fmtPercent } from '../../i18n.js';
import { api } from '../../api.js';
import { SectionHead, problem, loading } from './kit.js';

export const results = defineComponent({
  setup() {
    const s = reactive({ list: null, error: null });
    api.get('/me/evaluations').then((l) => { s.list = l; }).catch((e) => { s.error = e; });
    return () => html`<div>
      <${SectionHead} title=${tr('评议结果', 'My evaluation results')} />
      <p>${tr('群众评议结束后，这里显示居民对您的评价。满意度 =（满意 + 基本满意）÷ 票数。', 'After an evaluation closes, residents\' ratings of you appear here. Satisfaction = (satisfied + fairly satisfied) ÷ ballots.')}</p>
      ${problem(s.error)}
      ${!s.list ? (s.error ? null : loading()) : !s.list.length ? html`<p class="section">${tr('还没有结束的评议。', 'No evaluation has closed yet.')}</p>`
        : s.list.map((e) => html`<section class="section" key=${e.evaluation} data-testid="ws-result">
          <h2>${e.periodLabel || e.period}　${e.communityName}</h2>
          <p class="fs-5 mb-2">${tr('满意度', 'Satisfaction')} <strong>${fmtPercent(e.satisfaction)}</strong>
            <span class=${'badge ms-2 ' + (e.reappointed ? 'text-bg-success' : 'text-bg-danger')}>${e.reappointed ? tr('继续留任', 'Retained') : tr('不再选任', 'Not reappointed')}</span></p>
          <dl class="kv"><dt>${tr('票数', 'Ballots')}</dt><dd>${e.ballots}</dd>
            <dt>${tr('满意', 'Satisfied')}</dt><dd>${e.satisfied}</dd>
            <dt>${tr('基本满意', 'Fairly satisfied')}</dt><dd>${e.fairlySatisfied}</dd>
            <dt>${tr('不满意', 'Dissatisfied')}</dt><dd>${e.dissatisfied}</dd>
            <dt>${tr('结束日期', 'Closed on')}</dt><dd>${fmtDate(e.closedOn)}</dd></dl>
        </section>`)}
    </div>`;
  },
});

export const awards = defineComponent({
  setup() {
    const s = reactive({ list: null, error: null });
    api.get('/me/awards').then((l) => { s.list = l; }).catch((e) => { s.error = e; });
    return () => html`<div>
      <${SectionHead} title=${tr('我的表彰', 'My awards')} />
      ${problem(s.error)}
      ${!s.list ? (s.error ? null : loading()) : !s.list.length ? html`<p class="section">${tr('还没有表彰记录。', 'No awards yet.')}</p>`
        : s.list.map((a) => html`<section class="section" key=${a.id} data-testid="ws-award">
          <h2>${a.title}${a.level ? '（' + a.level + '）' : ''}</h2>
          <dl class="kv"><dt>${tr('表彰日期', 'Awarded on')}</dt><dd>${fmtDate(a.awardedOn)}</dd>
            <dt>${tr('证书编号', 'Certificate No.')}</dt><dd class="mono">${a.certificateNo}</dd></dl>
          ${a.prioritySupport ? html`<p class="mt-2 mb-1">${tr('享受优先支持。', 'Entitled to priority support.')}</p>` : null}
          ${a.reservePool ? html`<p class="mb-1">${tr('已列入后备人才库。', 'In the reserve pool.')}</p>` : null}
          <a class="btn btn-outline-primary mt-2" href=${'#/print/certificate/' + a.id} data-testid="ws-certificate">${tr('查看并打印证书', 'View and print the certificate')}</a>
        </section>`)}
    </div>`;
  },
});
