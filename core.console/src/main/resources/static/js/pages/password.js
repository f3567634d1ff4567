// 修改密码: the forced change after a generated password, and the user's own change later.
import { html, defineComponent, reactive } from '../lib.js';
import { tr } from '../i18n.js';
import { api, session } from '../api.js';
import { loadMe } from '../auth.js';
import { navigate } from '../router.js';
import { Field, BusyButton, useForm, toast, PageHeader } from '../ui.js';
import { homePath } from '../main.js';

export default defineComponent({
  setup() {
    const v = reactive({ currentPassword: '', newPassword: '', repeat: '' });
    const form = useForm();
    const mismatch = () => v.repeat && v.newPassword !== v.repeat;
    const submit = async (e) => {
      e.preventDefault();
      if (mismatch()) return;
      const ok = await form.run(async () => {
        await api.post('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
        return true;
      });
      if (!ok) return;
      await loadMe();
      toast(tr('密码已修改', 'Password changed'));
      navigate(homePath());
    };
    const forced = () => session.user && session.user.mustChangePassword;
    return () => html`
      <div>
        ${forced() ? null : html`<${PageHeader} title=${tr('修改密码', 'Change password')} />`}
        <div class="card signin-card shadow-sm">
          <div class="card-body p-4">
            ${forced() ? html`<h1 class="h4">${tr('请先设置您自己的密码', 'Set your own password first')}</h1>
              <p class="text-body-secondary">${tr('您的密码由系统或管理员生成，使用前必须修改。', 'Your password was generated or given by an administrator; change it before you go on.')}</p>` : null}
            ${form.error && !form.error.field ? html`<div class="alert alert-danger" role="alert">${form.error.text}</div>` : null}
            <form onSubmit=${submit} novalidate>
              <${Field} label=${tr('当前密码', 'Current password')} required error=${form.err('currentPassword')}>${({ id }) => html`
                <input id=${id} type="password" class="form-control" autocomplete="current-password" value=${v.currentPassword}
                       onInput=${(e) => { v.currentPassword = e.target.value; }} />`}<//>
              <${Field} label=${tr('新密码', 'New password')} required error=${form.err('newPassword')}
                        help=${tr('10 位以上，含大写字母、小写字母、数字、符号中的至少三类，不含用户名', 'At least 10 characters with three of: upper case, lower case, digits, symbols; not containing your username')}>${({ id }) => html`
                <input id=${id} type="password" class="form-control" autocomplete="new-password" value=${v.newPassword}
                       onInput=${(e) => { v.newPassword = e.target.value; }} />`}<//>
              <${Field} label=${tr('再次输入新密码', 'Repeat the new password')} required error=${mismatch() ? tr('两次输入的新密码不一致', 'The two new passwords differ') : null}>${({ id }) => html`
                <input id=${id} type="password" class="form-control" autocomplete="new-password" value=${v.repeat}
                       onInput=${(e) => { v.repeat = e.target.value; }} />`}<//>
              <${BusyButton} type="submit" busy=${form.busy} disabled=${!v.currentPassword || !v.newPassword || !v.repeat || mismatch()} testid="password-submit">${tr('保存新密码', 'Save new password')}<//>
            </form>
          </div>
        </div>
      </div>`;
  },
});
