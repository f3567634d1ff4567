// 开通通知单: the account slips of a bulk issuance, four to a page: name, place, username, first password, how to
// sign in, and that the password must be changed at the first sign-in. Shown once: held in this tab's memory only.
import { html, defineComponent, reactive } from '../lib.js';
import { tr } from '../i18n.js';
import { PrintPage, publicBase, cnDate } from './kit.js';
import { slips } from './slips-store.js';

export default defineComponent({
  setup() {
    const s = reactive({ base: '' });
    publicBase().then((b) => { s.base = b; });
    const pages = () => { const all = slips.issued || []; const out = []; for (let i = 0; i < all.length; i += 4) out.push(all.slice(i, i + 4)); return out; };
    return () => {
      if (!slips.issued) {
        return html`<${PrintPage} title=${tr('打印开通通知单', 'Print account slips')} ready=${true}>
          <p class="text-center p-4" data-testid="slips-gone">${tr('初始密码只显示一次，已经不在这个页面里了。需要时请在“账号”页为该楼门栋长重置密码。',
            'First passwords are shown only once and are no longer here. Reset the leader\'s password on the Accounts page if needed.')}</p><//>`;
      }
      return html`<${PrintPage} title=${tr(`打印开通通知单（${slips.issued.length} 份）`, `Print account slips (${slips.issued.length})`)} ready=${!!s.base}
          hint=${tr('初始密码只在这里显示一次：请现在打印，沿虚线剪开，当面交给本人。离开本页后无法再看到。', 'First passwords are shown here once: print now, cut along the lines, hand each to the leader in person. They cannot be shown again.')}>
        ${pages().map((rows) => html`<section class="sheet">
          ${rows.map((x) => html`<div class="slip" data-testid="slip" data-username=${x.username}>
            <h3>楼门栋长工作平台 账号开通通知单</h3>
            <p><strong>${x.name}</strong> 同志：${x.communityName}　${x.places}</p>
            <p>用户名：<span class="secret" data-testid="slip-username">${x.username}</span>　　初始密码：<span class="secret" data-testid="slip-password">${x.password}</span></p>
            <p>登录方法：用手机或电脑浏览器打开 <strong>${s.base}/</strong>，输入用户名和初始密码登录。<strong>第一次登录必须修改密码</strong>（10 位以上，含大写字母、小写字母、数字、符号中的至少三类）。</p>
            <p class="small">请妥善保管，不要告诉他人。忘记密码请联系社区书记重置。开通日期：${cnDate((x.issuedAt || slips.at || '').slice(0, 10))}</p>
          </div>`)}
        </section>`)}
      <//>`;
    };
  },
});
