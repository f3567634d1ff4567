// 通知 (inbox): what the user was told — a MAJOR report, an overdue report, a result — newest first, with a link to
// the object; read one, or all. District IT also sees the deliveries to outside channels and the dead letters.
import { html, defineComponent, ref, reactive } from '../lib.js';
import { tr, fmtDateTime, fmtNumber } from '../i18n.js';
import { api } from '../api.js';
import { has } from '../auth.js';
import { PageHeader, ErrorAlert, BusyButton, DataTable, Pager, Empty, Field, badge, useLoad, useForm, toast } from '../ui.js';
import { refreshUnread } from '../inbox.js';

const SIZE = 20;

const KINDS = {
  'report.major': ['重大问题', 'Major problem', 'danger'],
  'report.overdue': ['超时', 'Overdue', 'warning'],
  'report.resolved': ['已办结', 'Resolved', 'success'],
  'care.overdue': ['走访逾期', 'Visit overdue', 'warning'],
  'meeting.missed': ['例会未开', 'Meeting missed', 'warning'],
  'evaluation.due': ['评议待完成', 'Evaluation due', 'info'],
  'leader.notReappointed': ['不再选任', 'Not reappointed', 'secondary'],
  'programme.failed': ['项目故障', 'Programme failed', 'danger'],
};
const kindBadge = (k) => { const w = KINDS[k]; return w ? badge(tr(w[0], w[1]), w[2]) : badge(tr('通知', 'Notice'), 'info'); };

/** The text in the user's language: notices are written "中文 / English". */
function half(text) {
  const i = (text || '').indexOf(' / ');
  if (i < 0) return text;
  return tr(text.slice(0, i), text.slice(i + 3));
}

const Deliveries = defineComponent({
  setup() {
    const status = useLoad(() => api.get('/notifications/status'));
    const dead = useLoad(() => api.get('/notifications/deliveries', { state: 'DEAD' }));
    const retry = useForm();
    const again = async (d) => {
      const ok = await retry.run(() => api.post(`/notifications/deliveries/${d.id}/retry`));
      if (ok !== undefined) { toast(tr('已重新投递', 'Queued again')); dead.reload(); status.reload(); }
    };
    const columns = [
      { key: 'createdAt', label: () => tr('时间', 'When'), cell: (d) => html`<span class="text-nowrap">${fmtDateTime(d.createdAt)}</span>` },
      { key: 'title', label: () => tr('通知', 'Notice'), cell: (d) => half(d.title) },
      { key: 'channel', label: () => tr('渠道', 'Channel'), cell: (d) => html`<span class="mono">${d.channel}</span>` },
      { key: 'attempts', label: () => tr('次数', 'Attempts'), class: 'figures' },
      { key: 'lastError', label: () => tr('最后错误', 'Last error'), cell: (d) => html`<span class="small text-break">${half(d.lastError || '')}</span>` },
      { key: 'act', label: () => tr('操作', 'Actions'), cell: (d) => html`<button type="button" class="btn btn-sm btn-outline-dark" data-testid="dead-retry" disabled=${retry.busy} onClick=${() => again(d)}>${tr('重试', 'Retry')}</button>` },
    ];
    return () => {
      const s = status.data;
      return html`
        <section class="card mt-4" aria-labelledby="ntf-deliveries" data-testid="deliveries">
          <div class="card-body">
            <h2 id="ntf-deliveries" class="h5">${tr('外部渠道投递（区级运维）', 'Deliveries to outside channels (district IT)')}</h2>
            ${status.error ? html`<${ErrorAlert} error=${status.error} />` : null}
            ${s ? html`<p class="mb-2">
                ${tr('待投递', 'Pending')} <strong class="figures">${fmtNumber(s.deliveries.PENDING)}</strong> ·
                ${tr('已送达', 'Sent')} <strong class="figures">${fmtNumber(s.deliveries.SENT)}</strong> ·
                ${tr('死信', 'Dead letters')} <strong class="figures" data-testid="dead-count">${fmtNumber(s.deliveries.DEAD)}</strong>
                ${s.lastScan ? html` · ${tr('上次扫描', 'Last scan')} ${fmtDateTime(s.lastScan.at)}` : null}</p>
              <ul class="list-unstyled mb-3">
                ${s.channels.length === 0 ? html`<li class="text-body-secondary">${tr('尚未配置外部渠道（DATA/conf/org.loumen.notify.webhook-*.cfg 或 email-*.cfg）。', 'No outside channel configured yet (DATA/conf/org.loumen.notify.webhook-*.cfg or email-*.cfg).')}</li>` : null}
                ${s.channels.map((c) => html`<li key=${c.id}><span class="mono">${c.id}</span> ${c.ok ? badge(tr('正常', 'OK'), 'success') : badge(tr('失败', 'Failing'), 'danger')}
                  ${c.ok ? null : html` <span class="small">${half(c.lastError || '')}</span>`}</li>`)}
              </ul>` : null}
            ${retry.error ? html`<${ErrorAlert} error=${retry.error} />` : null}
            ${dead.error ? html`<${ErrorAlert} error=${dead.error} />` : null}
            <${DataTable} columns=${columns} rows=${dead.data || []} caption=${tr('死信：用完重试次数仍未送达', 'Dead letters: not delivered after every retry')}
              empty=${tr('没有死信。', 'No dead letters.')} />
          </div>
        </section>`;
    };
  },
});

// 我的接收方式: the user's own address on each personal channel (e-mail), on or off, and for which kinds of notice
// (none ticked: every kind). Group channels (robots) are set up by district IT, not here.
const OneChannel = defineComponent({
  props: { choice: Object, kinds: Array },
  setup(props) {
    const v = reactive({ address: props.choice.address || '', enabled: props.choice.enabled, kinds: [...(props.choice.kinds || [])] });
    const form = useForm();
    const toggle = (k) => { v.kinds = v.kinds.includes(k) ? v.kinds.filter((x) => x !== k) : [...v.kinds, k]; };
    const save = async (e) => {
      e.preventDefault();
      const r = await form.run(() => api.put(`/me/notification-channels/${encodeURIComponent(props.choice.channel)}`,
        { address: v.address, enabled: v.enabled, kinds: v.kinds }));
      if (r !== undefined) toast(tr('接收方式已保存', 'Saved'));
    };
    const email = () => props.choice.channel.startsWith('email');
    return () => html`
      <form class="border rounded p-3 mb-3" onSubmit=${save} novalidate data-testid="channel-choice" data-channel=${props.choice.channel}>
        <h3 class="h6"><span class="mono">${props.choice.channel}</span> ${email() ? tr('（电子邮件）', ' (e-mail)') : null}</h3>
        ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
        <${Field} label=${email() ? tr('我的电子邮箱', 'My e-mail address') : tr('我的接收地址', 'My address')} error=${form.err('address')}>${({ id, describedBy }) => html`
          <input id=${id} type=${email() ? 'email' : 'text'} class=${'form-control' + (form.err('address') ? ' is-invalid' : '')} maxlength="200"
                 autocomplete="email" value=${v.address} aria-describedby=${describedBy} data-testid="channel-address"
                 onInput=${(e) => { v.address = e.target.value; }} />`}<//>
        <div class="form-check form-switch mb-2">
          <input class="form-check-input" type="checkbox" role="switch" id=${'on-' + props.choice.channel} checked=${v.enabled}
                 data-testid="channel-enabled" onChange=${(e) => { v.enabled = e.target.checked; }} />
          <label class="form-check-label" for=${'on-' + props.choice.channel}>${tr('通过此渠道接收通知', 'Send me notices this way')}</label>
        </div>
        <fieldset class="mb-2" disabled=${!v.enabled}>
          <legend class="form-label fs-6 mb-1">${tr('接收哪些通知（不选即全部）', 'Which notices (none ticked: all)')}</legend>
          ${form.err('kinds') ? html`<div class="invalid-feedback d-block" role="alert">${form.err('kinds')}</div>` : null}
          <div class="d-flex flex-wrap gap-3">
            ${(props.kinds || []).map((k) => html`
              <div class="form-check" key=${k.kind}>
                <input class="form-check-input" type="checkbox" id=${props.choice.channel + '-' + k.kind} checked=${v.kinds.includes(k.kind)}
                       data-testid="channel-kind" data-kind=${k.kind} onChange=${() => toggle(k.kind)} />
                <label class="form-check-label" for=${props.choice.channel + '-' + k.kind}>${half(k.label)}</label>
              </div>`)}
          </div>
        </fieldset>
        <${BusyButton} type="submit" busy=${form.busy} testid="channel-save">${tr('保存', 'Save')}<//>
      </form>`;
  },
});

const MyChannels = defineComponent({
  setup() {
    const choices = useLoad(() => api.get('/me/notification-channels'));
    const kinds = useLoad(() => api.get('/me/notification-kinds'));
    return () => html`
      <section class="card mt-4" aria-labelledby="ntf-mine" data-testid="my-channels">
        <div class="card-body">
          <h2 id="ntf-mine" class="h5">${tr('我的接收方式', 'How I am told')}</h2>
          <p class="text-body-secondary">${tr('站内通知总会保留在上方。选择电子邮件后，通知也会发到您的邮箱（只含摘要和链接，不含住户信息）。', 'Notices always stay in the list above. With e-mail chosen they also go to your mailbox (a summary and a link, never a household\'s details).')}</p>
          ${choices.error ? html`<${ErrorAlert} error=${choices.error} />` : null}
          ${choices.data && choices.data.length === 0 ? html`<p class="mb-0" data-testid="no-personal-channel">${tr('区级运维尚未配置电子邮件等个人渠道。', 'District IT has not set up e-mail or another personal channel yet.')}</p>` : null}
          ${(choices.data || []).map((c) => html`<${OneChannel} key=${c.channel} choice=${c} kinds=${kinds.data || []} />`)}
        </div>
      </section>`;
  },
});

export default defineComponent({
  setup() {
    const unreadOnly = ref(false);
    const page = ref(1);
    const list = useLoad(() => api.get('/me/notifications', { unread: unreadOnly.value ? 'true' : '', page: page.value, size: SIZE }));
    const all = useForm();
    const markAll = async () => {
      const r = await all.run(() => api.post('/me/notifications/read-all'));
      if (r !== undefined) { toast(tr(`已将 ${r.marked} 条标为已读`, `${r.marked} marked as read`)); list.reload(); refreshUnread(); }
    };
    const open = async (n) => {
      if (!n.read) {
        try { await api.post(`/me/notifications/${n.id}/read`); n.read = true; refreshUnread(); } catch (e) { /* the link still opens */ }
      }
    };
    const show = (only) => { unreadOnly.value = only; page.value = 1; list.reload(); };
    return () => {
      const data = list.data;
      return html`
        <div>
          <${PageHeader} title=${tr('通知', 'Notifications')}>
            <${BusyButton} kind="outline-dark" busy=${all.busy} testid="read-all" disabled=${!data || data.unread === 0} onClick=${markAll}>${tr('全部标为已读', 'Mark all as read')}<//>
          <//>
          <div class="btn-group mb-3" role="group" aria-label=${tr('显示', 'Show')}>
            <button type="button" class=${'btn ' + (!unreadOnly.value ? 'btn-primary' : 'btn-outline-dark')} aria-pressed=${!unreadOnly.value ? 'true' : 'false'} data-testid="show-all" onClick=${() => show(false)}>${tr('全部', 'All')}</button>
            <button type="button" class=${'btn ' + (unreadOnly.value ? 'btn-primary' : 'btn-outline-dark')} aria-pressed=${unreadOnly.value ? 'true' : 'false'} data-testid="show-unread" onClick=${() => show(true)}>
              ${tr('未读', 'Unread')}${data ? ` (${fmtNumber(data.unread)})` : ''}</button>
          </div>
          ${all.error ? html`<${ErrorAlert} error=${all.error} />` : null}
          ${list.error ? html`<${ErrorAlert} error=${list.error} />` : null}
          ${data && data.items.length === 0 ? html`<${Empty} text=${unreadOnly.value ? tr('没有未读通知。', 'No unread notices.') : tr('还没有通知。有重大问题、超时等情况时会在这里提醒您。', 'No notices yet. Major problems, overdue work and results will appear here.')} />` : null}
          <ul class="list-unstyled notice-list" data-testid="notice-list">
            ${(data ? data.items : []).map((n) => html`
              <li key=${n.id} class=${'card mb-2 notice' + (n.read ? '' : ' notice-unread')} data-testid="notice" data-read=${n.read ? 'true' : 'false'}>
                <div class="card-body py-2">
                  <div class="d-flex flex-wrap align-items-center gap-2">
                    ${kindBadge(n.kind)}
                    ${n.read ? null : html`<span class="badge text-bg-primary">${tr('未读', 'Unread')}</span>`}
                    <strong class="notice-title">${half(n.title)}</strong>
                    <span class="ms-auto small text-body-secondary text-nowrap">${fmtDateTime(n.createdAt)}</span>
                  </div>
                  <p class="mb-1 mt-1">${half(n.body)}</p>
                  <div class="d-flex gap-2">
                    ${n.link ? html`<a class="btn btn-sm btn-outline-dark" href=${'#' + n.link} data-testid="notice-open" onClick=${() => open(n)}>${tr('查看', 'Open')}</a>` : null}
                    ${n.read ? null : html`<button type="button" class="btn btn-sm btn-link" data-testid="notice-read" onClick=${() => open(n)}>${tr('标为已读', 'Mark as read')}</button>`}
                  </div>
                </div>
              </li>`)}
          </ul>
          ${data && data.total > SIZE ? html`<${Pager} page=${page.value} size=${SIZE} total=${data.total} onPage=${(p) => { page.value = p; list.reload(); }} />` : null}
          <${MyChannels} />
          ${has('DISTRICT_ADMIN') ? html`<${Deliveries} />` : null}
        </div>`;
    };
  },
});
