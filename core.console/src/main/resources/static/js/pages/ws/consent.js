// 电话号码公开: whether residents may see my phone number on the unit page, the door poster and the directory. A
// separate consent (PIPL art. 25: personal information is made public only with a separate consent), withdrawable at any time.
import { html, defineComponent, reactive } from '../../lib.js';
import { tr, fmtDateTime } from '../../i18n.js';
import { api } from '../../api.js';
import { masked } from '../../easy.js';
import { SectionHead, myLeader, refreshLeader, leaderState, problem, loading } from './kit.js';

export default defineComponent({
  setup() {
    const s = reactive({ busy: false, error: null, done: '' });
    myLeader().catch(() => {});
    const set = async (consent) => {
      s.busy = true; s.error = null; s.done = '';
      try {
        await api.put('/me/phone-consent', { consent });
        await refreshLeader();
        s.done = consent ? tr('已同意公开。居民现在能看到您的完整电话号码。', 'Consent given: residents now see your full number.')
          : tr('已撤回同意。居民只能看到隐去中间四位的号码。', 'Consent withdrawn: residents see your number with four digits hidden.');
      } catch (e) { s.error = e; } finally { s.busy = false; }
    };
    return () => {
      const l = leaderState.data;
      return html`<div>
        <${SectionHead} title=${tr('电话号码公开', 'My phone number')} />
        ${problem(s.error || leaderState.error)}
        ${!l ? loading() : html`<section class="section" data-testid="ws-consent">
          <p>${tr('居民扫楼门上的二维码、看楼门公示牌或查名录时，可以看到为他们服务的楼门栋长。您的电话号码要不要让居民看到，由您自己决定：',
            'Residents see their leaders on the unit page, the door poster and the directory. Whether they see your phone number is your choice:')}</p>
          <ul>
            <li>${tr('同意：居民能看到完整号码，可以直接给您打电话。', 'Yes: residents see the whole number and can call you.')}</li>
            <li>${tr(`不同意：只显示 ${masked(l.phone) || '138****1234'} 这样隐去中间四位的号码，居民通过表单或社区找您。`, `No: only ${masked(l.phone) || '138****1234'} with four digits hidden; residents reach you through the form or the community.`)}</li>
            <li>${tr('这是单独的同意，和您当楼门栋长的其他事情无关；可以随时撤回，撤回后马上生效。', 'This is a consent of its own, apart from your service; you can withdraw it at any time and it takes effect at once.')}</li>
          </ul>
          <p class="fs-5" data-testid="ws-consent-state">${l.phoneConsent
            ? html`<strong>${tr('现在：已同意公开', 'Now: consent given')}</strong><br /><small>${tr(`${fmtDateTime(l.phoneConsent.at)} 由 ${l.phoneConsent.by} 记录`, `recorded ${fmtDateTime(l.phoneConsent.at)} by ${l.phoneConsent.by}`)}</small>`
            : html`<strong>${tr('现在：不公开（隐去中间四位）', 'Now: not public (four digits hidden)')}</strong>`}</p>
          ${s.done ? html`<div class="note-ok" role="status">${s.done}</div>` : null}
          ${l.phoneConsent
            ? html`<button type="button" class="btn btn-outline-danger" disabled=${s.busy} data-testid="ws-consent-withdraw" onClick=${() => set(false)}>${tr('撤回同意，不再公开', 'Withdraw: stop showing it')}</button>`
            : html`<button type="button" class="btn btn-primary" disabled=${s.busy} data-testid="ws-consent-give" onClick=${() => set(true)}>${tr('同意公开我的电话号码', 'I agree to show my number')}</button>`}
        </section>`}
      </div>`;
    };
  },
});
