// 楼门栋长账号: the accounts of a community's leaders (who has one, who does not), bulk issuance for a community or a
// whole street (only leaders in service without an account; a second run issues nothing twice), then the account
// slips (开通通知单) to print: username, first password, how to sign in, that it must be changed. The passwords are
// shown once: kept in this tab's memory for the print preview only.
import { html, defineComponent, reactive, ref } from '../lib.js';
import { tr, fmtNumber } from '../i18n.js';
import { api } from '../api.js';
import { navigate } from '../router.js';
import { scopeStreet, scopeCommunity, has } from '../auth.js';
import { PageHeader, ErrorAlert, BusyButton, DataTable, Empty, badge, toast, useLoad, useForm, confirmAction } from '../ui.js';
import { PlacePicker, LEADER_STATUS, TableCard } from '../widgets/work-common.js';
import { placeName } from '../places.js';
import { keepSlips } from '../print/slips-store.js';

export default defineComponent({
  setup() {
    const f = reactive({ street: scopeStreet.value || '', community: scopeCommunity.value || '' });
    const usernameFrom = ref('phone');
    const result = ref(null);
    const form = useForm();
    const community = () => scopeCommunity.value || f.community;
    const street = () => scopeStreet.value || f.street;
    const list = useLoad(() => (community() ? api.get(`/communities/${community()}/leader-accounts`) : Promise.resolve(null)));
    const issue = async (level) => {
      const code = level === 'street' ? street() : community();
      const where = placeName(code);
      const ok = await confirmAction({
        title: tr(`为${where}批量开通账号？`, `Issue accounts for ${where}?`),
        body: tr('为所有在任且还没有账号的楼门栋长开通账号，用户名取' + (usernameFrom.value === 'phone' ? '手机号' : '工作证号') + '，初始密码随机生成。初始密码只显示一次：开通后请立即打印开通通知单并当面交给本人。',
          `Every leader in service without an account gets one, named by their ${usernameFrom.value === 'phone' ? 'phone number' : 'work ID'}, with a random first password. The passwords are shown once: print the slips at once and hand them over in person.`),
        ok: tr('开通', 'Issue'), danger: false,
      });
      if (!ok) return;
      const r = await form.run(() => api.post(`/${level === 'street' ? 'streets' : 'communities'}/${code}/leader-accounts`, { usernameFrom: usernameFrom.value }));
      if (r) {
        result.value = { issued: r.issued.length, skipped: r.skipped, existing: r.existing };
        keepSlips(r.issued);
        toast(tr(`已开通 ${r.issued.length} 个账号`, `${r.issued.length} accounts issued`));
        list.reload();
      }
    };
    const columns = [
      { key: 'name', label: () => tr('姓名', 'Name'), sortable: true, cell: (x) => html`<a href=${'#/leaders/' + x.leaderId}>${x.name}</a>` },
      { key: 'places', label: () => tr('楼门职务', 'Places') },
      { key: 'status', label: () => tr('状态', 'Status'), cell: (x) => LEADER_STATUS.badge(x.status) },
      { key: 'workId', label: () => tr('工作证号', 'Work ID'), class: 'mono' },
      { key: 'username', label: () => tr('账号', 'Account'), sortable: true, cell: (x) => (x.username
        ? html`<span class="mono">${x.username}</span> ${x.enabled === false ? badge(tr('已停用', 'Disabled'), 'secondary') : badge(tr('已开通', 'Active'), 'success')}`
        : badge(tr('未开通', 'None'), 'warning')) },
    ];
    return () => {
      const rows = list.data || [];
      const without = rows.filter((x) => !x.username && x.status === 'IN_SERVICE').length;
      return html`<div>
        <${PageHeader} title=${tr('楼门栋长账号', 'Leader accounts')} />
        <div class="card card-body mb-3">
          <div class="row g-2 align-items-end">
            <${PlacePicker} street=${f.street} community=${f.community} needCommunity testid="accounts"
                            onChange=${(x) => { f.street = x.street; f.community = x.community; result.value = null; list.reload(); }} />
            <fieldset class="col-12 col-md-4">
              <legend class="form-label fs-6 mb-1">${tr('用户名取', 'Username from')}</legend>
              <div class="form-check form-check-inline"><input class="form-check-input" type="radio" name="uf" id="uf-phone" checked=${usernameFrom.value === 'phone'} onChange=${() => { usernameFrom.value = 'phone'; }} />
                <label class="form-check-label" for="uf-phone">${tr('手机号', 'Phone number')}</label></div>
              <div class="form-check form-check-inline"><input class="form-check-input" type="radio" name="uf" id="uf-work" checked=${usernameFrom.value === 'workId'} onChange=${() => { usernameFrom.value = 'workId'; }} />
                <label class="form-check-label" for="uf-work">${tr('工作证号', 'Work ID')}</label></div>
            </fieldset>
          </div>
          <div class="d-flex flex-wrap gap-2 mt-3">
            <${BusyButton} busy=${form.busy} disabled=${!community()} testid="issue-community" onClick=${() => issue('community')}>${tr('为本社区批量开通', 'Issue for this community')}<//>
            ${has('DISTRICT_ADMIN', 'STREET_ADMIN') && !scopeCommunity.value ? html`<${BusyButton} kind="outline-primary" busy=${form.busy} disabled=${!street()} testid="issue-street" onClick=${() => issue('street')}>${tr('为全街镇批量开通', 'Issue for the whole street')}<//>` : null}
          </div>
          <p class="small text-body-secondary mt-2 mb-0">${tr('只为在任、还没有账号的楼门栋长开通；重复操作不会重复开通。楼门栋长离任后账号自动不能登录。', 'Only leaders in service without an account get one; running it again issues nothing twice. A leader who leaves service can no longer sign in.')}</p>
        </div>
        <${ErrorAlert} error=${form.error} />
        ${result.value ? html`<div class="alert alert-success" role="status" data-testid="issue-result">
          <p class="mb-2">${tr(`已开通 ${result.value.issued} 个账号；原已有账号 ${result.value.existing} 个；跳过 ${result.value.skipped.length} 个。`,
            `${result.value.issued} issued; ${result.value.existing} had one already; ${result.value.skipped.length} skipped.`)}</p>
          ${result.value.skipped.length ? html`<ul class="small">${result.value.skipped.map((x) => html`<li>${x.name}：${x.reason}</li>`)}</ul>` : null}
          ${result.value.issued ? html`<p class="mb-2 fw-bold">${tr('初始密码只显示一次，请现在打印开通通知单。', 'The first passwords are shown once: print the slips now.')}</p>
            <button type="button" class="btn btn-primary" data-testid="print-slips" onClick=${() => navigate('/print/slips/latest')}>${tr('打印开通通知单', 'Print the account slips')}</button>` : null}
        </div>` : null}
        ${community() ? html`<${TableCard} busy=${list.loading} label=${tr('楼门栋长账号', 'Leader accounts')} testid="leader-accounts">
          <div class="card-body pb-0"><p class="mb-2">${tr(`${placeName(community())}：共 ${fmtNumber(rows.length)} 位，在任未开通 ${without} 位`, `${placeName(community())}: ${rows.length} leaders, ${without} in service without an account`)}</p></div>
          <${ErrorAlert} error=${list.error} />
          <${DataTable} columns=${columns} rows=${rows} rowKey="leaderId" caption=${tr('楼门栋长账号', 'Leader accounts')} empty=${tr('这个社区还没有楼门栋长', 'No leaders in this community')} />
        <//>` : html`<${Empty} text=${tr('请先选择社区，查看其楼门栋长的账号。', 'Choose a community to see its leaders\' accounts.')} />`}
      </div>`;
    };
  },
});
