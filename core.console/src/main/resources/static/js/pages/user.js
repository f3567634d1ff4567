// 账号详情: view and edit an account (name, roles), disable or enable it (停用 ends its sessions at once), reset its
// password (the temporary one is shown once) and clear a lockout.
import { html, defineComponent, reactive, ref } from '../lib.js';
import { tr, fmtDateTime } from '../i18n.js';
import { api, session } from '../api.js';
import { route } from '../router.js';
import { PageHeader, Field, ErrorAlert, BusyButton, Loading, toast, useLoad, useForm, confirmAction } from '../ui.js';
import { BindingPicker, bindingText, TemporaryPassword, grantable } from '../widgets/work-accounts.js';
import { accountState } from './users.js';
import { ProgrammeGrants } from '../widgets/programme-grants.js';

export default defineComponent({
  setup() {
    const username = route.params.username;
    const v = reactive({ displayName: '', bindings: [] });
    const user = useLoad(async () => {
      const u = await api.get(`/users/${encodeURIComponent(username)}`);
      v.displayName = u.displayName;
      v.bindings = u.bindings.map((b) => ({ role: b.role, node: b.node }));
      return u;
    });
    const form = useForm();
    const act = useForm();
    const temp = ref(null);
    const self = () => session.user && session.user.username === username;
    const mayGrant = (role) => grantable().includes(role);
    const put = (body) => api.put(`/users/${encodeURIComponent(username)}`, { ...body, version: user.data.version });
    const save = async (e) => {
      e.preventDefault();
      const u = await form.run(() => put({ displayName: v.displayName.trim(), bindings: v.bindings }));
      if (u) { toast(tr('账号已保存', 'Account saved')); user.reload(); }
      else if (form.error && form.error.code === 'stale-version') user.reload();
    };
    const setEnabled = async (enabled) => {
      if (!enabled) {
        const ok = await confirmAction({
          title: tr(`停用账号 ${username}？`, `Disable ${username}?`),
          body: tr('停用后该账号立即退出所有已登录的会话，不能再登录，直到重新启用。账号和操作记录都会保留。', 'The account is signed out of every session at once and cannot sign in until enabled again. The account and its records are kept.'),
          ok: tr('停用账号', 'Disable'), danger: true,
        });
        if (!ok) return;
      }
      const u = await act.run(() => put({ enabled }));
      if (u) { toast(enabled ? tr('账号已启用', 'Account enabled') : tr('账号已停用，其会话已结束', 'Account disabled; its sessions ended')); user.reload(); }
    };
    const reset = async () => {
      const ok = await confirmAction({
        title: tr(`重置 ${username} 的密码？`, `Reset the password of ${username}?`),
        body: tr('系统将生成一个临时密码并只显示一次；原密码立即失效，该账号所有会话结束，同时解除锁定。本人首次登录须修改密码。', 'A temporary password is generated and shown once; the old one stops working, every session ends and any lockout is cleared. They must change it at the next sign-in.'),
        ok: tr('重置密码', 'Reset'), danger: true,
      });
      if (!ok) return;
      const r = await act.run(() => api.post(`/users/${encodeURIComponent(username)}/password-reset`));
      if (r) { temp.value = r.temporaryPassword; user.reload(); }
    };
    const unlock = async () => {
      const r = await act.run(() => api.post(`/users/${encodeURIComponent(username)}/unlock`));
      if (r !== undefined) { toast(tr('已解除锁定', 'Lockout cleared')); user.reload(); }
    };
    const add = (b) => { if (!v.bindings.some((x) => x.role === b.role && x.node === b.node)) v.bindings.push(b); };
    return () => {
      const u = user.data;
      const crumbs = [{ label: tr('账号', 'Accounts'), href: '#/users' }];
      const title = tr('账号', 'Account') + ' ' + username;
      if (user.error) return html`<div><${PageHeader} title=${title} crumbs=${crumbs} /><${ErrorAlert} error=${user.error} /></div>`;
      if (!u) return html`<div><${PageHeader} title=${title} crumbs=${crumbs} /><${Loading} /></div>`;
      const locked = u.lockedUntil && new Date(u.lockedUntil) > new Date();
      const bindingErrors = Object.entries(form.fields).filter(([k]) => k.startsWith('bindings')).map(([, t]) => t);
      return html`
        <div>
          <${PageHeader} title=${title} crumbs=${crumbs}>
            ${!self() ? html`
              ${locked ? html`<${BusyButton} kind="outline-dark" busy=${act.busy} testid="user-unlock" onClick=${unlock}>${tr('解除锁定', 'Unlock')}<//>` : null}
              <${BusyButton} kind="outline-dark" busy=${act.busy} testid="user-reset" onClick=${reset}>${tr('重置密码', 'Reset password')}<//>
              ${u.enabled ? html`<${BusyButton} kind="danger" busy=${act.busy} testid="user-disable" onClick=${() => setEnabled(false)}>${tr('停用账号', 'Disable')}<//>`
                : html`<${BusyButton} kind="success" busy=${act.busy} testid="user-enable" onClick=${() => setEnabled(true)}>${tr('启用账号', 'Enable')}<//>`}` : null}
          <//>
          ${temp.value ? html`<${TemporaryPassword} username=${username} password=${temp.value} onDone=${() => { temp.value = null; }} />` : null}
          ${act.error ? html`<${ErrorAlert} error=${act.error} />` : null}
          <div class="card card-body mb-3">
            <dl class="row mb-0">
              <dt class="col-sm-3">${tr('状态', 'State')}</dt><dd class="col-sm-9" data-testid="user-state">${accountState(u)}${locked ? html` ${tr(`锁定至 ${fmtDateTime(u.lockedUntil)}`, `until ${fmtDateTime(u.lockedUntil)}`)}` : null}</dd>
              <dt class="col-sm-3">${tr('最近登录', 'Last sign-in')}</dt><dd class="col-sm-9">${fmtDateTime(u.lastLoginAt) || tr('从未登录', 'never')}</dd>
              <dt class="col-sm-3">${tr('创建', 'Created')}</dt><dd class="col-sm-9">${fmtDateTime(u.createdAt)}${u.createdBy ? tr(`，由 ${u.createdBy}`, ` by ${u.createdBy}`) : ''}</dd>
            </dl>
          </div>
          <form class="card card-body" novalidate onSubmit=${save} data-testid="user-edit">
            <h2 class="card-title">${tr('编辑', 'Edit')}</h2>
            ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error.code === 'stale-version' ? new Error(tr('账号已被他人修改，已重新载入，请再改一次。', 'Someone changed the account meanwhile; it is reloaded, please edit again.')) : form.error} />` : null}
            <div class="row g-2">
              <${Field} col="col-12 col-md-6" label=${tr('姓名或称呼', 'Display name')} required error=${form.err('displayName')}>${({ id }) => html`
                <input id=${id} class="form-control" maxlength="60" value=${v.displayName} onInput=${(e) => { v.displayName = e.target.value; }} />`}<//>
            </div>
            <fieldset class="mb-3">
              <legend class="form-label fs-6">${tr('角色', 'Roles')}</legend>
              <ul class="list-unstyled mb-2" data-testid="user-bindings">${v.bindings.map((b, i) => html`<li class="mb-1" key=${b.role + b.node}>
                ${bindingText(b)}
                ${mayGrant(b.role) && !self() ? html`<button type="button" class="btn btn-sm btn-link text-danger-emphasis" onClick=${() => v.bindings.splice(i, 1)}
                  aria-label=${tr(`移除 ${bindingText(b)}`, `Remove ${bindingText(b)}`)}>${tr('移除', 'Remove')}</button>` : null}</li>`)}</ul>
              ${grantable().length && !self() ? html`<${BindingPicker} onAdd=${add} testid="edit-binding" />` : null}
              ${bindingErrors.map((t) => html`<div class="invalid-feedback d-block" role="alert">${t}</div>`)}
            </fieldset>
            <div><${BusyButton} type="submit" busy=${form.busy} disabled=${!v.displayName.trim() || !v.bindings.length} testid="user-save">${tr('保存', 'Save')}<//></div>
          </form>
          ${!self() ? html`<${ProgrammeGrants} username=${username} />` : null}
        </div>`;
    };
  },
});
