// 账号: the accounts whose every role lies within the user's scope; creating one (only roles below the user's own,
// within their scope), with its temporary password shown once.
import { html, defineComponent, reactive, ref } from '../lib.js';
import { tr, fmtDateTime } from '../i18n.js';
import { api } from '../api.js';
import { scope } from '../auth.js';
import { route, setQuery } from '../router.js';
import { PageHeader, FilterBar, Field, options, ErrorAlert, BusyButton, DataTable, Pager, badge, toast, useLoad, useForm } from '../ui.js';
import { ROLE, PlacePicker, TableCard } from '../widgets/work-common.js';
import { BindingPicker, bindingText, TemporaryPassword, grantable } from '../widgets/work-accounts.js';

const SIZE = 20;

/** Locked, disabled or active, in words. */
export function accountState(u) {
  if (!u.enabled) return badge(tr('已停用', 'Disabled'), 'secondary');
  if (u.lockedUntil && new Date(u.lockedUntil) > new Date()) return badge(tr('已锁定', 'Locked'), 'danger');
  if (u.mustChangePassword) return badge(tr('待改密码', 'Must change password'), 'warning');
  return badge(tr('正常', 'Active'), 'success');
}

const NewUser = defineComponent({
  props: { onCreated: Function, onCancel: Function },
  setup(props) {
    const v = reactive({ username: '', displayName: '', password: '', bindings: [] });
    const form = useForm();
    const add = (b) => { if (!v.bindings.some((x) => x.role === b.role && x.node === b.node)) v.bindings.push(b); };
    const submit = async (e) => {
      e.preventDefault();
      const r = await form.run(() => api.post('/users', { username: v.username.trim(), displayName: v.displayName.trim(), bindings: v.bindings, password: v.password || undefined }));
      if (r) props.onCreated(r);
    };
    const bindingErrors = () => Object.entries(form.fields).filter(([k]) => k.startsWith('bindings')).map(([, t]) => t);
    return () => html`
      <form class="card card-body mb-3" novalidate onSubmit=${submit} data-testid="user-form">
        <h2 class="card-title">${tr('新建账号', 'New account')}</h2>
        ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
        <div class="row g-2">
          <${Field} col="col-12 col-md-4" label=${tr('用户名', 'Username')} required error=${form.err('username')}
                    help=${tr('3–32 位小写字母、数字或 . _ -，以字母开头', '3-32 lower-case letters, digits or . _ -, starting with a letter')}>${({ id }) => html`
            <input id=${id} class="form-control" autocomplete="off" autocapitalize="none" maxlength="32" value=${v.username} data-testid="user-username"
                   onInput=${(e) => { v.username = e.target.value.toLowerCase(); }} />`}<//>
          <${Field} col="col-12 col-md-4" label=${tr('姓名或称呼', 'Display name')} required error=${form.err('displayName')}>${({ id }) => html`
            <input id=${id} class="form-control" autocomplete="off" maxlength="60" value=${v.displayName} data-testid="user-display"
                   onInput=${(e) => { v.displayName = e.target.value; }} />`}<//>
          <${Field} col="col-12 col-md-4" label=${tr('初始密码（可选）', 'First password (optional)')} error=${form.err('password')}
                    help=${tr('留空则由系统生成临时密码（推荐）；本人首次登录须修改', 'Leave empty for a generated temporary password (recommended); it must be changed at first sign-in')}>${({ id }) => html`
            <input id=${id} type="password" class="form-control" autocomplete="new-password" value=${v.password} onInput=${(e) => { v.password = e.target.value; }} />`}<//>
        </div>
        <fieldset class="mb-3">
          <legend class="form-label fs-6">${tr('角色', 'Roles')}<span class="text-danger ms-1" aria-hidden="true">*</span></legend>
          ${v.bindings.length ? html`<ul class="list-unstyled mb-2" data-testid="user-bindings">${v.bindings.map((b, i) => html`<li class="mb-1" key=${b.role + b.node}>
              ${bindingText(b)} <button type="button" class="btn btn-sm btn-link text-danger-emphasis" onClick=${() => v.bindings.splice(i, 1)}
                aria-label=${tr(`移除 ${bindingText(b)}`, `Remove ${bindingText(b)}`)}>${tr('移除', 'Remove')}</button></li>`)}</ul>`
            : html`<p class="text-body-secondary mb-2">${tr('请选择角色和所在位置后点“添加角色”。', 'Choose a role and its place, then press “Add role”.')}</p>`}
          <${BindingPicker} onAdd=${add} testid="new-binding" />
          ${bindingErrors().map((t) => html`<div class="invalid-feedback d-block" role="alert">${t}</div>`)}
        </fieldset>
        <div class="d-flex gap-2">
          <${BusyButton} type="submit" busy=${form.busy} disabled=${!v.username.trim() || !v.displayName.trim() || !v.bindings.length} testid="user-submit">${tr('创建账号', 'Create')}<//>
          <button type="button" class="btn btn-outline-secondary" onClick=${() => props.onCancel()}>${tr('取消', 'Cancel')}</button>
        </div>
      </form>`;
  },
});

export default defineComponent({
  setup() {
    const q = route.query;
    const f = reactive({ street: q.street || '', community: q.community || '', role: q.role || '', q: '' });
    const applied = reactive({ ...f });
    const page = ref(1);
    const creating = ref(false);
    const created = ref(null);
    const node = () => applied.community || applied.street || '';
    const list = useLoad(() => api.get('/users', { node: node(), q: applied.q.trim(), role: applied.role, page: page.value, size: SIZE }));
    const search = () => {
      Object.assign(applied, f); page.value = 1;
      // codes and roles may go in the address; the search text (names) never does
      setQuery({ street: applied.street, community: applied.community, role: applied.role });
      list.reload();
    };
    const reset = () => { Object.assign(f, { street: '', community: '', role: '', q: '' }); search(); };
    const onCreated = (r) => {
      creating.value = false;
      toast(tr(`账号 ${r.user.username} 已创建`, `Account ${r.user.username} created`));
      if (r.temporaryPassword) created.value = { username: r.user.username, password: r.temporaryPassword };
      list.reload();
    };
    const columns = [
      { key: 'username', label: () => tr('用户名', 'Username'), sortable: true, cell: (u) => html`<a href=${'#/users/' + encodeURIComponent(u.username)} class="mono" data-testid="user-link">${u.username}</a>` },
      { key: 'displayName', label: () => tr('姓名或称呼', 'Name'), sortable: true },
      { key: 'bindings', label: () => tr('角色', 'Roles'), cell: (u) => html`<ul class="list-unstyled mb-0">${u.bindings.map((b) => html`<li>${bindingText(b)}</li>`)}</ul>` },
      { key: 'enabled', label: () => tr('状态', 'State'), cell: (u) => html`<span data-testid="user-state">${accountState(u)}</span>` },
      { key: 'lastLoginAt', label: () => tr('最近登录', 'Last sign-in'), sortable: true, cell: (u) => fmtDateTime(u.lastLoginAt) || tr('从未登录', 'never') },
      { key: 'actions', label: () => tr('操作', 'Actions'), cell: (u) => html`<a class="btn btn-sm btn-link px-1" href=${'#/users/' + encodeURIComponent(u.username)}>${tr('查看/编辑', 'View / edit')}</a>` },
    ];
    return () => {
      const data = list.data;
      return html`
        <div>
          <${PageHeader} title=${tr('账号', 'Accounts')}>
            ${grantable().length && !creating.value ? html`<button type="button" class="btn btn-primary" data-testid="user-new" onClick=${() => { creating.value = true; created.value = null; }}>＋ ${tr('新建账号', 'New account')}</button>` : null}
          <//>
          ${created.value ? html`<${TemporaryPassword} username=${created.value.username} password=${created.value.password} onDone=${() => { created.value = null; }} />` : null}
          ${creating.value ? html`<${NewUser} onCreated=${onCreated} onCancel=${() => { creating.value = false; }} />` : null}
          <${FilterBar} onSearch=${search} onReset=${reset}>
            <${PlacePicker} street=${f.street} community=${f.community} col="col-12 col-md-3" onChange=${(x) => { f.street = x.street; f.community = x.community; }} />
            <div class="col-12 col-md-2">
              <label class="form-label" for="uf-role">${tr('角色', 'Role')}</label>
              <select id="uf-role" class="form-select" onChange=${(e) => { f.role = e.target.value; }}>
                ${options(ROLE.options(), f.role, tr('全部角色', 'All roles'))}</select>
            </div>
            <div class="col-12 col-md-3">
              <label class="form-label" for="uf-q">${tr('用户名或姓名', 'Username or name')}</label>
              <input id="uf-q" class="form-control" type="search" value=${f.q} data-testid="user-search" onInput=${(e) => { f.q = e.target.value; }} />
            </div>
          <//>
          ${list.error ? html`<${ErrorAlert} error=${list.error} />` : null}
          <${TableCard} busy=${list.loading} label=${tr('账号列表', 'Accounts')} testid="user-list">
            <${DataTable} columns=${columns} rows=${data ? data.items : []} rowKey="username" caption=${tr('账号列表', 'Accounts')}
              empty=${tr('没有符合条件的账号。', 'No account matches.') + (grantable().length ? tr('可点“新建账号”创建。', ' Press “New account” to create one.') : '')} />
          <//>
          ${data ? html`<${Pager} page=${page.value} size=${SIZE} total=${data.total} onPage=${(n) => { page.value = n; list.reload(); }} />` : null}
        </div>`;
    };
  },
});
