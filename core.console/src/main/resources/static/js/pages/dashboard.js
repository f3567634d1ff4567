// 首页: the figures of the user's scope (district, street or community) with charts; every number links to the
// list behind it, and every chart has its numbers in a table beside it.
import { html, defineComponent, computed } from '../lib.js';
import { tr, fmtPercent, fmtNumber, today, period, lang } from '../i18n.js';
import { api } from '../api.js';
import { scope } from '../auth.js';
import { href } from '../router.js';
import { placeName } from '../places.js';
import { PageHeader, Chart, ErrorAlert, Loading, useLoad, PALETTE } from '../ui.js';

/** English names of the five duties (五员); the API names them in Chinese. */
const DUTY_EN = {
  POLICY_PUBLICIST: 'Policy publicist', OPINION_INFORMANT: 'Public-opinion informant',
  DISPUTE_MEDIATOR: 'Dispute mediator', SAFETY_PATROLLER: 'Safety patroller', SANITATION_SUPERVISOR: 'Sanitation supervisor',
};
const STATUS = {
  REPORTED: ['已上报', 'Reported'], ACCEPTED: ['已受理', 'Accepted'], ASSIGNED: ['已派办', 'Assigned'],
  RESOLVED: ['已办结', 'Resolved'], CONFIRMED: ['已确认', 'Confirmed'], REOPENED: ['已退回', 'Reopened'],
};

/** The filter of the scope: {} for the district, {street} or {community}. */
function scopeFilter() {
  const n = scope.node || '';
  if (n.length >= 12) return { community: n.slice(0, 12) };
  if (n.length === 9) return { street: n };
  return {};
}

/** A number that links to its list. */
function stat(value, label, link, testid) {
  return html`<a class="stat" href=${link} data-testid=${testid}><span class="num">${value}</span><span class="lbl d-block">${label}</span></a>`;
}

/** A card that shows its loader's error or spinner, else its content. */
function card(title, state, body, id) {
  return html`<section class="card h-100" aria-labelledby=${id}>
    <div class="card-body">
      <h2 class="card-title" id=${id}>${title}</h2>
      ${state.error ? html`<${ErrorAlert} error=${state.error} />` : !state.data ? html`<${Loading} />` : body(state.data)}
    </div>
  </section>`;
}

export default defineComponent({
  setup() {
    const f = computed(() => scopeFilter());
    const asOf = today();
    const profile = useLoad(() => api.get('/reports/leader-profile', { asOf, ...f.value }));
    const reports = useLoad(() => api.get('/reports/stats', f.value));
    const cadence = useLoad(() => api.get('/meetings/cadence', f.value));
    const current = period();
    const evaluations = useLoad(() => api.get('/evaluations', { ...f.value, period: current, size: 200 }));
    const care = useLoad(() => api.get('/care/overdue', f.value));
    const workLog = useLoad(() => api.get('/work-log/stats', f.value));
    const civic = useLoad(() => api.get('/civic/figures', { street: f.value.street }));
    const communities = useLoad(() => communitiesOfScope());
    // training (入职培训 / 赋能培训): figures per street of the scope
    const trainingFilter = () => (f.value.street ? { street: f.value.street } : {}); // a community's scope is narrowed by the server
    const training = useLoad(async () => {
      const [onboarding, coverage] = await Promise.all([api.get('/training/figures', trainingFilter()), api.get('/capacity-training/coverage', trainingFilter())]);
      return onboarding.map((o) => ({ ...o, capacity: coverage.find((c) => c.street === o.street) }));
    });

    const leaders = (q) => href('/leaders', { ...f.value, ...q });

    const profileRows = (p) => [
      { key: 'under60', label: tr('60岁以下', 'Under 60'), n: p.under60, pct: p.under60Percent, link: leaders({ age: 'under60' }) },
      { key: 'college', label: tr('大专及以上学历', 'Junior college or above'), n: p.collegeOrAbove, pct: p.collegeOrAbovePercent, link: leaders({ education: 'collegeOrAbove' }) },
      { key: 'party', label: tr('中共党员', 'Party members'), n: p.partyMembers, pct: p.partyMembersPercent, link: leaders({}) },
    ];

    const coverageRows = (p) => {
      const cov = p.coverage || {};
      const streets = cov.byStreet || [];
      const n = scope.node || '';
      if (n.length >= 9) {
        const s = streets.find((x) => n.startsWith(x.code));
        return (s ? s.communities || [] : []).filter((c) => c.code.startsWith(n.slice(0, Math.min(n.length, 12))))
          .map((c) => ({ ...c, link: leaders({ community: c.code }) }));
      }
      return streets.map((s) => ({ ...s, link: href('/leaders', { street: s.code }) }));
    };
    const pct = (x) => (x && x.total ? Math.round((x.withLeader / x.total) * 10000) / 100 : 0);

    const profileChart = (p) => () => {
      const rows = profileRows(p);
      return {
        grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true },
        tooltip: { trigger: 'axis', valueFormatter: (v) => fmtPercent(v) },
        series: [{ type: 'bar', data: rows.map((r) => r.pct), barMaxWidth: 26, label: { show: true, position: 'right', formatter: (x) => fmtPercent(x.value) } }],
      };
    };
    const coverageChart = (rows) => () => ({
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => fmtPercent(v) },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: tr('楼门覆盖率', 'Units covered'), type: 'bar', data: rows.map((r) => pct(r.units)), barMaxWidth: 22 },
        { name: tr('楼栋覆盖率', 'Buildings covered'), type: 'bar', data: rows.map((r) => pct(r.buildings)), barMaxWidth: 22 },
      ],
    });
    const dutyChart = (s) => () => ({
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: s.byDuty.map((d) => dutyName(d)) },
      series: [
        { name: tr('办理中', 'Open'), type: 'bar', stack: 'd', data: s.byDuty.map((d) => d.open - d.overdue), color: PALETTE[0] },
        { name: tr('已超时', 'Overdue'), type: 'bar', stack: 'd', data: s.byDuty.map((d) => d.overdue), color: PALETTE[1] },
        { name: tr('已办结', 'Closed'), type: 'bar', stack: 'd', data: s.byDuty.map((d) => d.total - d.open), color: PALETTE[2] },
      ],
    });
    const dutyName = (d) => (lang.value === 'en' ? DUTY_EN[d.duty] || d.name : d.name);

    const title = computed(() => {
      const n = scope.node || '';
      return tr('首页', 'Home') + ' · ' + placeName(n);
    });

    return () => html`
      <div class="dashboard">
        <${PageHeader} title=${title.value}>
          <span class="text-body-secondary small">${tr(`统计日期 ${asOf}，评议期 ${current}`, `As of ${asOf}, evaluation period ${current}`)}</span>
        <//>
        ${profile.data ? html`
          <div class="row g-3 mb-3 figures" data-testid="headline">
            <div class="col-6 col-md-4 col-xl-2"><div class="card card-body">${stat(fmtNumber(profile.data.total), tr('楼门栋长（人）', 'Leaders'), leaders({}), 'stat-total')}</div></div>
            <div class="col-6 col-md-4 col-xl-2"><div class="card card-body">${stat(fmtPercent(profile.data.under60Percent), tr('60岁以下占比', 'Under 60'), leaders({ age: 'under60' }), 'stat-under60')}</div></div>
            <div class="col-6 col-md-4 col-xl-2"><div class="card card-body">${stat(fmtPercent(profile.data.collegeOrAbovePercent), tr('大专及以上占比', 'College or above'), leaders({ education: 'collegeOrAbove' }), 'stat-college')}</div></div>
            <div class="col-6 col-md-4 col-xl-2"><div class="card card-body">${stat(fmtPercent(pct(profile.data.coverage.units)), tr('楼门覆盖率', 'Units covered'), href('/org', {}), 'stat-units')}</div></div>
            <div class="col-6 col-md-4 col-xl-2"><div class="card card-body">${reports.data ? stat(fmtNumber(reports.data.overdue), tr('超时未办问题', 'Overdue reports'), href('/reports', { ...f.value, overdue: 'true' }), 'stat-overdue') : null}</div></div>
            <div class="col-6 col-md-4 col-xl-2"><div class="card card-body">${cadence.data ? stat(fmtNumber(cadence.data.filter((c) => c.missing).length), tr('例会缺漏社区', 'Communities missing meetings'), href('/meetings', { ...f.value, view: 'cadence' }), 'stat-meetings') : null}</div></div>
          </div>` : null}
        <div class="row g-3">
          <div class="col-12 col-xl-6">${card(tr('队伍结构', 'Leader profile'), profile, (p) => html`
            <${Chart} option=${profileChart(p)} label=${tr('队伍结构图：占比见右表', 'Leader profile chart; figures in the table')} testid="chart-profile" />
            <table class="table table-sm mt-2 figures" data-testid="table-profile">
              <caption class="visually-hidden">${tr('队伍结构', 'Leader profile')}</caption>
              <thead><tr><th scope="col">${tr('指标', 'Figure')}</th><th scope="col" class="text-end">${tr('人数', 'People')}</th><th scope="col" class="text-end">${tr('占比', 'Share')}</th></tr></thead>
              <tbody>
                <tr><th scope="row">${tr('合计', 'Total')}</th><td class="text-end"><a href=${leaders({})}>${fmtNumber(p.total)}</a></td><td class="text-end">100.00%</td></tr>
                ${profileRows(p).map((r) => html`<tr><th scope="row">${r.label}</th><td class="text-end"><a href=${r.link}>${fmtNumber(r.n)}</a></td><td class="text-end">${fmtPercent(r.pct)}</td></tr>`)}
                <tr><th scope="row">${tr('其中硕士 / 博士', 'Of whom masters / doctors')}</th><td class="text-end"><a href=${leaders({ education: 'MASTER' })}>${p.masters}</a> / <a href=${leaders({ education: 'DOCTORATE' })}>${p.doctorates}</a></td><td></td></tr>
              </tbody>
            </table>
            <p class="small text-body-secondary mb-0">${tr('年龄按统计日期计算周岁；百分比 = 人数 ÷ 合计 × 100，四舍五入保留两位小数。', 'Age in completed years on the date; share = count ÷ total × 100, rounded half-up to two decimals.')}</p>`, 'card-profile')}</div>
          <div class="col-12 col-xl-6">${card(tr('楼门、楼栋覆盖', 'Coverage of units and buildings'), profile, (p) => {
            const rows = coverageRows(p);
            return html`
              <${Chart} option=${coverageChart(rows)} label=${tr('覆盖率图：数字见下表', 'Coverage chart; figures in the table')} testid="chart-coverage" />
              <div class="table-responsive"><table class="table table-sm mt-2 figures" data-testid="table-coverage">
                <thead><tr><th scope="col">${tr('名称', 'Name')}</th><th scope="col" class="text-end">${tr('楼门（有/共）', 'Units (with/all)')}</th><th scope="col" class="text-end">${tr('楼门覆盖率', 'Units')}</th><th scope="col" class="text-end">${tr('楼栋（有/共）', 'Buildings (with/all)')}</th><th scope="col" class="text-end">${tr('楼栋覆盖率', 'Buildings')}</th></tr></thead>
                <tbody>${rows.map((r) => html`<tr>
                  <th scope="row"><a href=${r.link}>${r.name}</a></th>
                  <td class="text-end">${r.units.withLeader} / ${r.units.total}</td><td class="text-end">${fmtPercent(pct(r.units))}</td>
                  <td class="text-end">${r.buildings.withLeader} / ${r.buildings.total}</td><td class="text-end">${fmtPercent(pct(r.buildings))}</td></tr>`)}
                </tbody></table></div>`;
          }, 'card-coverage')}</div>
          <div class="col-12 col-xl-6">${card(tr('问题时报：按五员职责', 'Problem reports by duty'), reports, (s) => html`
            <${Chart} option=${dutyChart(s)} label=${tr('问题按职责分布图：数字见下表', 'Reports by duty chart; figures in the table')} testid="chart-reports" />
            <div class="table-responsive"><table class="table table-sm mt-2 figures" data-testid="table-reports">
              <thead><tr><th scope="col">${tr('职责', 'Duty')}</th><th scope="col" class="text-end">${tr('合计', 'Total')}</th><th scope="col" class="text-end">${tr('办理中', 'Open')}</th><th scope="col" class="text-end">${tr('已超时', 'Overdue')}</th></tr></thead>
              <tbody>${s.byDuty.map((d) => html`<tr>
                <th scope="row">${dutyName(d)}</th>
                <td class="text-end"><a href=${href('/reports', { ...f.value, duty: d.duty })}>${d.total}</a></td>
                <td class="text-end">${d.open}</td>
                <td class="text-end"><a href=${href('/reports', { ...f.value, duty: d.duty, overdue: 'true' })} class=${d.overdue ? 'text-danger fw-bold' : ''}>${d.overdue}</a></td></tr>`)}
              </tbody></table></div>
            <p class="mb-0 small">${tr('按状态：', 'By status: ')}${Object.keys(STATUS).map((k) => html`<a class="me-3" href=${href('/reports', { ...f.value, status: k })}>${tr(STATUS[k][0], STATUS[k][1])} ${(s.byStatus || {})[k] || 0}</a>`)}</p>`, 'card-reports')}</div>
          <div class="col-12 col-xl-6">${card(tr('例会：缺漏的社区', 'Meetings: communities that missed one'), cadence, (rows) => {
            const missing = rows.filter((c) => c.missing);
            return missing.length === 0
              ? html`<p class="text-success mb-0">${tr('最近 4 周、3 个月各社区均按时召开例会。', 'Every community held its weekly and month-end meetings in the last 4 weeks and 3 months.')}</p>`
              : html`<p>${tr(`${missing.length} 个社区最近 4 周或 3 个月内有缺漏：`, `${missing.length} communities missed a week or a month lately:`)}</p>
                <div class="table-responsive"><table class="table table-sm figures" data-testid="table-cadence">
                  <thead><tr><th scope="col">${tr('社区', 'Community')}</th><th scope="col" class="text-end">${tr('缺周例会（周）', 'Weeks missed')}</th><th scope="col" class="text-end">${tr('缺月例会（月）', 'Months missed')}</th></tr></thead>
                  <tbody>${missing.slice(0, 10).map((c) => html`<tr><th scope="row"><a href=${href('/meetings', { community: c.community, view: 'cadence' })}>${c.name}</a></th><td class="text-end">${c.missedWeeks}</td><td class="text-end">${c.missedMonths}</td></tr>`)}</tbody>
                </table></div>
                ${missing.length > 10 ? html`<a href=${href('/meetings', { ...f.value, view: 'cadence' })}>${tr(`查看全部 ${missing.length} 个`, `See all ${missing.length}`)}</a>` : null}`;
          }, 'card-meetings')}</div>
          <div class="col-12 col-xl-6">${card(tr(`群众评议（${current}）`, `Resident evaluations (${current})`), { data: evaluations.data && communities.data ? 1 : null, error: evaluations.error || communities.error }, () => {
            const items = evaluations.data.items || [];
            const done = new Set(items.map((e) => e.community));
            const none = communities.data.filter((c) => !done.has(c.code));
            return html`
              <p class="figures">${tr('已开展', 'Held')} <a href=${href('/evaluations', { ...f.value, period: current })} data-testid="stat-evaluations">${items.length}</a>${tr(' 个社区，尚未开展 ', ' communities; not yet: ')}<strong data-testid="stat-no-evaluation">${none.length}</strong>${tr(' 个。', '.')}</p>
              ${none.length ? html`<ul class="mb-0 small">${none.slice(0, 12).map((c) => html`<li><a href=${href('/evaluations', { community: c.code, period: current })}>${c.name}</a></li>`)}</ul>` : null}`;
          }, 'card-evaluations')}</div>
          <div class="col-12 col-xl-6">${card(tr('关怀走访：逾期', 'Care visits overdue'), care, (c) => html`
            <p class="figures">${tr('关怀对象', 'Households cared for')} <strong>${fmtNumber(c.plans)}</strong>${tr('户，逾期未走访 ', ', overdue ')}<a href=${href('/care', { ...f.value, overdue: 'true' })} class=${c.overdue ? 'text-danger fw-bold' : ''} data-testid="stat-care">${fmtNumber(c.overdue)}</a>${tr(' 户。', '.')}</p>
            <div class="table-responsive"><table class="table table-sm figures mb-0">
              <thead><tr><th scope="col">${tr('社区', 'Community')}</th><th scope="col" class="text-end">${tr('关怀对象（户）', 'Households')}</th><th scope="col" class="text-end">${tr('逾期（户）', 'Overdue')}</th></tr></thead>
              <tbody>${(c.items || []).map((r) => html`<tr><th scope="row"><a href=${href('/care', { community: r.community, overdue: 'true' })}>${r.communityName}</a></th><td class="text-end">${r.plans}</td><td class="text-end">${r.overdue}</td></tr>`)}</tbody>
            </table></div>`, 'card-care')}</div>
          <div class="col-12 col-xl-6">${card(tr('民情日志：按五员职责', 'Work log by duty'), workLog, (w) => html`
            <p class="figures">${tr(`${w.year} 年共记录 `, `${w.year}: `)}<strong data-testid="stat-worklog">${fmtNumber(w.total)}</strong>${tr(` 条，${fmtNumber(w.leaders)} 位楼门栋长记过日志。`, ` entries by ${fmtNumber(w.leaders)} leaders.`)}</p>
            <div class="table-responsive"><table class="table table-sm figures mb-0" data-testid="table-worklog">
              <thead><tr><th scope="col">${tr('职责', 'Duty')}</th><th scope="col" class="text-end">${tr('条数', 'Entries')}</th><th scope="col" class="text-end">${tr('占比', 'Share')}</th></tr></thead>
              <tbody>${w.duties.map((d) => html`<tr><th scope="row">${dutyName({ duty: d.duty, name: d.dutyLabel })}</th><td class="text-end">${fmtNumber(d.count)}</td>
                <td class="text-end">${w.total ? fmtPercent(Math.round((d.count / w.total) * 10000) / 100) : '—'}</td></tr>`)}</tbody>
            </table></div>`, 'card-worklog')}</div>
          <div class="col-12 col-xl-6">${card(tr('入职培训与赋能培训', 'Onboarding and capacity training'), training, (rows) => html`
            <div class="table-responsive"><table class="table table-sm figures mb-0" data-testid="table-training">
              <thead><tr><th scope="col">${tr('街镇', 'Street')}</th><th scope="col" class="text-end">${tr('参训', 'Trained')}</th><th scope="col" class="text-end">${tr('合格', 'Passed')}</th>
                <th scope="col" class="text-end">${tr('已发证', 'Certified')}</th><th scope="col" class="text-end">${tr('待培训', 'Waiting')}</th><th scope="col" class="text-end">${tr('赋能培训覆盖率', 'Capacity coverage')}</th></tr></thead>
              <tbody>${rows.map((r) => html`<tr>
                <th scope="row"><a href=${href('/training', { street: r.street })}>${r.streetName}</a></th>
                <td class="text-end" data-testid=${'training-trained-' + r.street}>${fmtNumber(r.trained)}</td><td class="text-end">${fmtNumber(r.passed)}</td>
                <td class="text-end">${fmtNumber(r.certified)}</td><td class="text-end" data-testid=${'training-waiting-' + r.street}>${fmtNumber(r.waiting)}</td>
                <td class="text-end"><a href=${href('/capacity-training', { street: r.street })} data-testid=${'training-coverage-' + r.street}>${r.capacity ? `${r.capacity.covered} / ${r.capacity.serving}（${fmtPercent(r.capacity.percent)}）` : '—'}</a></td></tr>`)}
              </tbody></table></div>
            <p class="small text-body-secondary mb-0">${tr('参训：报名过入职培训的人数；待培训：已通过审议未报名、或上次未通过待补训的人数；覆盖率：本年度参加过赋能培训的在任楼门栋长占比。',
              'Trained: enrolled in onboarding at least once; waiting: approved but not enrolled, or to retake; coverage: serving leaders with capacity training this year.')}</p>`, 'card-training')}</div>
          <div class="col-12 col-xl-6">${card(tr('项目扶持、储备、宣传与议事', 'Projects, reserve, publicity, consultations'), civic, (x) => civicFigures(x), 'card-civic')}</div>
        </div>
      </div>`;
  },
});

/** Projects supported (and how many came from awarded leaders), the reserve, publicity and consultations. */
function civicFigures(x) {
  const p = x.projects; const r = x.reserve; const b = x.publicity; const c = x.consultations;
  const row = (label, value, link, testid) => html`<tr><th scope="row">${label}</th><td class="text-end"><a href=${link} data-testid=${testid}>${value}</a></td></tr>`;
  return html`<div class="table-responsive"><table class="table table-sm figures mb-0" data-testid="table-civic">
    <caption class="visually-hidden">${tr('项目扶持、储备、宣传与议事', 'Projects, reserve, publicity, consultations')}</caption>
    <tbody>
      ${row(tr(`${x.year} 年批准项目（其中优秀楼门栋长项目）`, `Projects approved in ${x.year} (by awarded leaders)`), `${fmtNumber(p.approved)}（${fmtNumber(p.approvedFromAwarded)}）`, '#/projects', 'stat-projects')}
      ${row(tr('待审核项目', 'Projects awaiting review'), fmtNumber(p.open), '#/projects', 'stat-projects-open')}
      ${row(tr('下属委员会储备人员（已任命）', 'In the reserve (appointed)'), `${fmtNumber(r.reserve)}（${fmtNumber(r.appointed)}）`, '#/committees', 'stat-reserve')}
      ${row(tr(`${x.year} 年楼门宣传次数 / 覆盖户数`, `Publicity activities / households in ${x.year}`), `${fmtNumber(b.activities)} / ${fmtNumber(b.households)}`, '#/campaigns', 'stat-publicity')}
      ${row(tr('楼门议事（征询中） / 回答户数', 'Consultations (open) / households answered'), `${fmtNumber(c.consultations)}（${fmtNumber(c.open)}） / ${fmtNumber(c.answered)}`, '#/consultations', 'stat-consultations')}
    </tbody></table></div>`;
}

/** The communities of the scope, for "which have no evaluation yet". */
async function communitiesOfScope() {
  const n = scope.node || '';
  if (n.length >= 12) {
    const c = await api.get(`/communities/${n.slice(0, 12)}`);
    return [{ code: c.code, name: c.name }];
  }
  const streets = n.length === 9 ? [n] : (await api.get('/streets')).filter((s) => s.communities > 0).map((s) => s.code);
  const lists = await Promise.all(streets.map((s) => api.get(`/streets/${s}/communities`)));
  return lists.flat().map((c) => ({ code: c.code, name: c.name }));
}
