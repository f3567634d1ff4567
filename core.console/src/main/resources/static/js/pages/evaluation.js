// 评议详情: status, codes issued, ballots cast (refresh), the ballot-code list to print, closing (irreversible:
// leaders under 60% are not reappointed), and the results per leader as a table and a bar chart with the 60% line.
import { html, defineComponent, computed } from '../lib.js';
import { tr, fmtDateTime, fmtNumber, fmtPercent, lang } from '../i18n.js';
import { api } from '../api.js';
import { route } from '../router.js';
import { placeName } from '../places.js';
import { PageHeader, ErrorAlert, BusyButton, Loading, DataTable, Chart, toast, useLoad, useForm, confirmAction } from '../ui.js';
import { EVALUATION_STATUS, OUTCOME, TableCard } from '../widgets/work-common.js';

const OUTCOME_COLOUR = { RETAINED: '#6a9a4f', NOT_REAPPOINTED: '#c0504d', INSUFFICIENT_BALLOTS: '#8c8c8c' };

export default defineComponent({
  setup() {
    const id = route.params.id;
    const ev = useLoad(() => api.get(`/evaluations/${id}`));
    const results = useLoad(() => api.get(`/evaluations/${id}/results`));
    const action = useForm();
    const refresh = () => { ev.reload(); results.reload(); };
    const download = () => action.run(async () => {
      await api.download(`/evaluations/${id}/ballot-codes`, null, `选票码-${id}.csv`);
      toast(tr('选票码清单已下载，请妥善保管并逐户发放', 'Ballot codes downloaded: keep them safe and hand one to each household'));
    });
    const close = async () => {
      const e = ev.data;
      const ok = await confirmAction({
        title: tr('结束评议？', 'Close the evaluation?'),
        body: tr(`结束后不能再投票，也不能重新开启。满意度低于 60% 的楼门栋长将被标记为“不再选任”（不足 5 票的不作结论）。当前已投 ${fmtNumber(e.ballots)} 票。`,
          `No more ballots can be cast and it cannot be reopened. Leaders under 60% satisfaction become NOT REAPPOINTED (fewer than 5 ballots: no verdict). ${fmtNumber(e.ballots)} ballots cast so far.`),
        ok: tr('结束评议', 'Close it'), danger: true,
      });
      if (!ok) return;
      const r = await action.run(() => api.post(`/evaluations/${id}/close`));
      if (r) {
        results.data = r;
        ev.reload();
        const out = r.filter((x) => x.outcome === 'NOT_REAPPOINTED').length;
        toast(tr(`评议已结束，${out} 人不再选任`, `Closed: ${out} not reappointed`), out ? 'info' : 'success');
      }
    };

    const chartOption = computed(() => {
      const rows = results.data || [];
      const zh = lang.value !== 'en';
      return {
        grid: { left: 48, right: 56, top: 30, bottom: rows.length > 6 ? 70 : 40 },
        tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '—' : Number(v).toFixed(2) + '%') },
        xAxis: { type: 'category', data: rows.map((r) => r.name || '#' + r.leader), axisLabel: { interval: 0, rotate: rows.length > 6 ? 40 : 0 } },
        yAxis: { type: 'value', min: 0, max: 100, name: zh ? '满意度 %' : 'Satisfaction %', axisLabel: { formatter: '{value}%' } },
        series: [{
          type: 'bar', name: zh ? '满意度' : 'Satisfaction', barMaxWidth: 36,
          data: rows.map((r) => ({ value: r.ballots ? Number(r.satisfactionPercent) : null, itemStyle: { color: OUTCOME_COLOUR[r.outcome] || '#2f5d8a' } })),
          label: { show: window.innerWidth >= 768 || rows.length <= 4, position: 'top', formatter: (p) => (p.value == null ? '' : Number(p.value).toFixed(2) + '%') },
          markLine: {
            symbol: 'none', silent: true,
            lineStyle: { color: '#b3261e', type: 'dashed', width: 2 },
            label: { formatter: zh ? '60% 留任线' : '60% line', position: 'end' },
            data: [{ yAxis: 60 }],
          },
        }],
      };
    });

    const columns = [
      { key: 'name', label: () => tr('楼门栋长', 'Leader'), sortable: true, cell: (r) => html`<a href=${'#/leaders/' + r.leader}>${r.name || '#' + r.leader}</a>` },
      { key: 'ballots', label: () => tr('票数', 'Ballots'), sortable: true, class: 'text-end figures' },
      { key: 'satisfied', label: () => tr('满意', 'Satisfied'), sortable: true, class: 'text-end figures' },
      { key: 'fairlySatisfied', label: () => tr('基本满意', 'Fairly satisfied'), sortable: true, class: 'text-end figures' },
      { key: 'dissatisfied', label: () => tr('不满意', 'Dissatisfied'), sortable: true, class: 'text-end figures' },
      { key: 'satisfactionPercent', label: () => tr('满意度', 'Satisfaction'), sortable: true, class: 'text-end figures',
        sortValue: (r) => Number(r.satisfactionPercent), cell: (r) => (r.ballots ? fmtPercent(r.satisfactionPercent) : '—') },
      { key: 'outcome', label: () => tr('结果', 'Outcome'), sortable: true, cell: (r) => html`<span data-testid="outcome">${OUTCOME.badge(r.outcome)}</span>` },
    ];

    return () => {
      const e = ev.data;
      const crumbs = [{ label: tr('群众评议', 'Evaluations'), href: '#/evaluations' }];
      const title = e ? `${placeName(e.community)} · ${e.period}` : tr('评议', 'Evaluation');
      if (ev.error) return html`<div><${PageHeader} title=${title} crumbs=${crumbs} /><${ErrorAlert} error=${ev.error} /></div>`;
      if (!e) return html`<div><${PageHeader} title=${title} crumbs=${crumbs} /><${Loading} /></div>`;
      const open = e.status === 'OPEN';
      const codes = e.codesIssued ?? e.codes;
      const ballots = e.ballotsCast ?? e.ballots;
      const rows = results.data || [];
      return html`
        <div>
          <${PageHeader} title=${title} crumbs=${crumbs}>
            <${BusyButton} kind="outline-dark" busy=${ev.loading} testid="evaluation-refresh" onClick=${refresh}>${tr('刷新票数', 'Refresh')}<//>
            ${open ? html`<a class="btn btn-outline-dark" href=${'#/print/ballots/' + id} data-testid="print-ballots">${tr('打印评议单', 'Print ballot sheets')}</a>` : null}
            <${BusyButton} kind="outline-dark" busy=${action.busy} testid="evaluation-codes" onClick=${download}>${tr('下载选票码清单', 'Download ballot codes')}<//>
            ${open ? html`<${BusyButton} kind="danger" busy=${action.busy} testid="evaluation-close" onClick=${close}>${tr('结束评议', 'Close')}<//>` : null}
          <//>
          ${action.error ? html`<${ErrorAlert} error=${action.error} />` : null}
          <div class="row g-3 mb-3 figures">
            <div class="col-6 col-md-3"><div class="card card-body h-100"><span class="lbl d-block">${tr('状态', 'Status')}</span>
              <span class="fs-5" data-testid="evaluation-state">${EVALUATION_STATUS.badge(e.status)}</span></div></div>
            <div class="col-6 col-md-3"><div class="card card-body h-100 stat"><span class="lbl d-block">${tr('发放选票码', 'Codes issued')}</span>
              <span class="num" data-testid="evaluation-codes-issued">${fmtNumber(codes)}</span></div></div>
            <div class="col-6 col-md-3"><div class="card card-body h-100 stat"><span class="lbl d-block">${tr('已投票', 'Ballots cast')}</span>
              <span class="num" data-testid="evaluation-ballots">${fmtNumber(ballots)}</span></div></div>
            <div class="col-6 col-md-3"><div class="card card-body h-100 stat"><span class="lbl d-block">${tr('参与率', 'Turnout')}</span>
              <span class="num">${codes ? fmtPercent(Math.round((ballots / codes) * 10000) / 100) : '—'}</span></div></div>
          </div>
          ${e.openedAt || e.closedAt ? html`<p class="text-body-secondary">${e.openedAt ? tr(`开启于 ${fmtDateTime(e.openedAt)}`, `Opened ${fmtDateTime(e.openedAt)}`) : ''}${e.closedAt ? tr(`，结束于 ${fmtDateTime(e.closedAt)}`, `, closed ${fmtDateTime(e.closedAt)}`) : ''}</p>` : null}
          ${open ? html`<div class="alert alert-info">${tr('评议进行中：居民凭选票码在手机上投票。下面是目前的票数，结束评议后结果才生效。', 'Open: residents vote with their ballot codes. Below are the counts so far; the outcome takes effect when the evaluation is closed.')}</div>` : null}
          <section class="card mb-3" aria-labelledby="results-title">
            <div class="card-body">
              <h2 class="card-title" id="results-title">${open ? tr('目前结果', 'Results so far') : tr('评议结果', 'Results')}</h2>
              <p class="small text-body-secondary mb-2">${tr('满意度 =（满意 + 基本满意）÷ 票数；60% 及以上继续留任，低于 60% 不再选任；不足 5 票不作结论。',
                'Satisfaction = (satisfied + fairly satisfied) ÷ ballots; 60% or more: retained; under 60%: not reappointed; under 5 ballots: no verdict.')}</p>
              ${results.error ? html`<${ErrorAlert} error=${results.error} />` : null}
              ${rows.length ? html`<${Chart} option=${chartOption.value} testid="results-chart" height=${300}
                  label=${tr('各楼门栋长满意度柱状图，虚线为 60% 留任线；数字见下表', 'Satisfaction per leader; the dashed line is 60%; figures in the table below')} />
                <p class="small text-body-secondary mb-0">${tr('柱色：绿色为继续留任，红色为不再选任，灰色为票数不足不作结论；虚线为 60% 留任线。', 'Bars: green retained, red not reappointed, grey too few ballots; the dashed line is 60%.')}</p>` : null}
            </div>
            <${TableCard} cls="" busy=${results.loading} label=${tr('评议结果', 'Results')} testid="results">
              <${DataTable} columns=${columns} rows=${rows} rowKey="leader" caption=${tr('评议结果', 'Results')}
                rowClass=${(r) => (r.outcome === 'NOT_REAPPOINTED' ? 'row-overdue' : '')}
                empty=${tr('还没有选票。请下载选票码清单并发放给各户。', 'No ballots yet. Download the ballot codes and hand them out.')} />
            <//>
          </section>
        </div>`;
    };
  },
});
