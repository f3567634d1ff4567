// 审计日志 (auditor, district admin): every sign-in, refusal, write and personal-data read, newest first, with filters,
// and the check of the hash chain that shows an entry changed or removed behind the application's back.
import { html, defineComponent, reactive, ref } from '../lib.js';
import { tr, fmtDateTime, fmtNumber, today } from '../i18n.js';
import { api } from '../api.js';
import { PageHeader, FilterBar, options, ErrorAlert, BusyButton, DataTable, Pager, badge, useLoad, useForm } from '../ui.js';
import { TableCard, daysFrom } from '../widgets/work-common.js';

const SIZE = 20;

const OUTCOMES = {
  SUCCESS: ['成功', 'Success', 'success'],
  DENIED: ['拒绝', 'Denied', 'warning'],
  FAILURE: ['失败', 'Failure', 'danger'],
};
const outcomeBadge = (o) => { const w = OUTCOMES[o]; return w ? badge(tr(w[0], w[1]), w[2]) : badge(o); };

/** Common action prefixes, as a help for the action filter. */
const ACTIONS = [
  ['auth.login', '登录', 'Sign-ins'], ['POST', '新增与操作', 'Writes (POST)'], ['PUT', '修改', 'Changes (PUT)'],
  ['GET /leaders', '查阅楼门栋长', 'Reads of leaders'], ['GET /households', '查阅住户', 'Reads of households'],
  ['POST /users', '账号管理', 'Account management'], ['GET /audit', '查阅审计日志', 'Reads of the audit log'],
];

export default defineComponent({
  setup() {
    const blank = () => ({ actor: '', action: '', outcome: '', node: '', from: daysFrom(today(), -30), to: today() });
    // filters stay in the page (actors are usernames: not in the address)
    const f = reactive(blank());
    const applied = reactive(blank());
    const page = ref(1);
    const list = useLoad(() => api.get('/audit', {
      actor: applied.actor.trim(), action: applied.action.trim(), outcome: applied.outcome, node: applied.node.trim(),
      from: applied.from, to: applied.to, page: page.value, size: SIZE,
    }));
    const verify = useForm();
    const check = ref(null);
    const runCheck = async () => { const r = await verify.run(() => api.get('/audit/verify')); if (r) check.value = r; };
    const search = () => { Object.assign(applied, f); page.value = 1; list.reload(); };
    const reset = () => { Object.assign(f, blank()); search(); };
    const columns = [
      { key: 'seq', label: () => tr('序号', 'Seq.'), class: 'figures' },
      { key: 'at', label: () => tr('时间', 'When'), cell: (e) => html`<span class="text-nowrap">${fmtDateTime(e.at)}</span>` },
      { key: 'actor', label: () => tr('操作人', 'Actor'), cell: (e) => html`<span class="mono">${e.actor || '—'}</span>` },
      { key: 'client', label: () => tr('来源地址', 'Client'), cell: (e) => html`<span class="mono">${e.client || '—'}</span>` },
      { key: 'action', label: () => tr('操作', 'Action'), cell: (e) => html`<span class="mono">${e.action}</span>` },
      { key: 'object', label: () => tr('对象', 'Object'), cell: (e) => html`<span class="mono text-break">${e.object || '—'}</span>` },
      { key: 'node', label: () => tr('节点', 'Node'), cell: (e) => html`<span class="mono">${e.node || '—'}</span>` },
      { key: 'outcome', label: () => tr('结果', 'Outcome'), cell: (e) => html`<span data-testid="audit-outcome">${outcomeBadge(e.outcome)}</span>` },
      { key: 'status', label: () => tr('状态码', 'Status'), class: 'figures' },
      { key: 'detail', label: () => tr('详情', 'Detail'), cell: (e) => html`<span class="small text-break">${e.detail || ''}</span>` },
    ];
    return () => {
      const data = list.data;
      const c = check.value;
      return html`
        <div>
          <${PageHeader} title=${tr('审计日志', 'Audit log')}>
            <${BusyButton} kind="outline-dark" busy=${verify.busy} testid="audit-verify" onClick=${runCheck}>${tr('校验日志链', 'Verify the chain')}<//>
          <//>
          ${verify.error ? html`<${ErrorAlert} error=${verify.error} />` : null}
          ${c ? html`<div class=${'alert ' + (c.intact ? 'alert-success' : 'alert-danger')} role="status" data-testid="audit-check">
              <strong>${c.intact ? tr('日志链完整', 'The chain is intact') : tr('日志链已被破坏', 'The chain is broken')}</strong>
              ${tr(`：已校验 ${fmtNumber(c.checked)} 条`, `: ${fmtNumber(c.checked)} entries checked`)}${c.firstSeq != null ? tr(`（序号 ${c.firstSeq}–${c.lastSeq}）`, ` (seq. ${c.firstSeq}–${c.lastSeq})`) : ''}。
              ${c.intact ? tr('没有记录被改动或删除。', 'No entry was changed or removed.')
                : tr(`第一处异常在序号 ${c.firstBrokenSeq}：该条或其前一条在应用之外被改动或删除，请立即报告。`, `First break at seq. ${c.firstBrokenSeq}: that entry or the one before was changed or removed outside the application; report it at once.`)}
            </div>` : null}
          <${FilterBar} onSearch=${search} onReset=${reset}>
            <div class="col-12 col-md-2">
              <label class="form-label" for="au-actor">${tr('操作人', 'Actor')}</label>
              <input id="au-actor" class="form-control" autocomplete="off" value=${f.actor} data-testid="audit-actor" onInput=${(e) => { f.actor = e.target.value; }} />
            </div>
            <div class="col-12 col-md-3">
              <label class="form-label" for="au-action">${tr('操作（前缀）', 'Action (prefix)')}</label>
              <input id="au-action" class="form-control" list="au-actions" autocomplete="off" value=${f.action} data-testid="audit-action" onInput=${(e) => { f.action = e.target.value; }} />
              <datalist id="au-actions">${ACTIONS.map((a) => html`<option value=${a[0]}>${tr(a[1], a[2])}</option>`)}</datalist>
            </div>
            <div class="col-6 col-md-2">
              <label class="form-label" for="au-outcome">${tr('结果', 'Outcome')}</label>
              <select id="au-outcome" class="form-select" data-testid="audit-outcome-filter" onChange=${(e) => { f.outcome = e.target.value; }}>
                ${options(Object.keys(OUTCOMES).map((k) => ({ value: k, label: tr(OUTCOMES[k][0], OUTCOMES[k][1]) })), f.outcome, tr('全部', 'All'))}</select>
            </div>
            <div class="col-6 col-md-2">
              <label class="form-label" for="au-node">${tr('节点代码（前缀）', 'Node (prefix)')}</label>
              <input id="au-node" class="form-control" inputmode="numeric" autocomplete="off" value=${f.node} onInput=${(e) => { f.node = e.target.value; }} />
            </div>
            <div class="col-6 col-md-2">
              <label class="form-label" for="au-from">${tr('开始日期', 'From')}</label>
              <input id="au-from" type="date" class="form-control" value=${f.from} onInput=${(e) => { f.from = e.target.value; }} />
            </div>
            <div class="col-6 col-md-2">
              <label class="form-label" for="au-to">${tr('结束日期', 'To')}</label>
              <input id="au-to" type="date" class="form-control" value=${f.to} onInput=${(e) => { f.to = e.target.value; }} />
            </div>
          <//>
          ${list.error ? html`<${ErrorAlert} error=${list.error} />` : null}
          <${TableCard} busy=${list.loading} label=${tr('审计日志', 'Audit log')} testid="audit-list">
            <${DataTable} columns=${columns} rows=${data ? data.items : []} rowKey="seq" caption=${tr('审计日志，最新的在前', 'Audit log, newest first')}
              empty=${tr('没有符合条件的记录。可放宽日期或清空筛选条件。', 'No entry matches. Widen the dates or clear the filters.')} />
          <//>
          ${data ? html`<${Pager} page=${page.value} size=${SIZE} total=${data.total} capped=${!!data.totalCapped} count=${data.items.length} onPage=${(n) => { page.value = n; list.reload(); }} />` : null}
        </div>`;
    };
  },
});
