// 登录: sign-in. Lockout and back-off are explained in words (the server's message says how long to wait).
import { html, defineComponent, reactive } from '../lib.js';
import { tr } from '../i18n.js';
import { signIn } from '../auth.js';
import { route, navigate } from '../router.js';
import { Field, BusyButton, useForm } from '../ui.js';
import { homePath } from '../main.js';

export default defineComponent({
  setup() {
    const v = reactive({ username: '', password: '' });
    const form = useForm();
    const submit = async (e) => {
      e.preventDefault();
      // read before signing in: the shell sends a signed-in user away from this page as soon as it knows them
      const next = route.query.next;
      const user = await form.run(() => signIn(v.username.trim(), v.password));
      if (!user) { v.password = ''; return; }
      if (user.mustChangePassword) navigate('/password');
      else if (next && next.startsWith('/') && !next.startsWith('/login')) location.hash = '#' + next;
      else navigate(homePath());
    };
    return () => html`
      <div class="card signin-card shadow-sm">
        <div class="card-body p-4">
          <h1 class="h4 mb-1">${tr('登录', 'Sign in')}</h1>
          <p class="text-body-secondary mb-3">${tr('津南区楼门栋长工作平台', 'Jinnan District building-leader platform')}</p>
          ${route.query.expired ? html`<div class="alert alert-info" role="status">${tr('登录已过期，请重新登录；登录后回到原来的页面。', 'Your session has ended. Sign in again to return to your page.')}</div>` : null}
          ${form.error ? html`<div class="alert alert-danger" role="alert" data-testid="signin-error">${form.error.text}</div>` : null}
          <form onSubmit=${submit} novalidate>
            <${Field} label=${tr('用户名', 'Username')} required>${({ id }) => html`
              <input id=${id} name="username" class="form-control form-control-lg" autocomplete="username" required
                     value=${v.username} onInput=${(e) => { v.username = e.target.value; }} />`}<//>
            <${Field} label=${tr('密码', 'Password')} required>${({ id }) => html`
              <input id=${id} name="password" type="password" class="form-control form-control-lg" autocomplete="current-password" required
                     value=${v.password} onInput=${(e) => { v.password = e.target.value; }} />`}<//>
            <${BusyButton} type="submit" busy=${form.busy} disabled=${!v.username || !v.password} testid="signin-submit">${tr('登录', 'Sign in')}<//>
          </form>
          <p class="small text-body-secondary mt-3 mb-0">${tr('忘记密码请联系上级管理员重置。连续输错多次账号将被暂时锁定。', 'Forgot your password? Ask your administrator to reset it. Repeated wrong passwords lock the account for a while.')}</p>
        </div>
      </div>`;
  },
});
