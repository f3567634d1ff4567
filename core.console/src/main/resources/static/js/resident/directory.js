// 楼门栋长名录 /d: the leaders in service of a community, by street and community (the public directory: names, roles,
// places, work IDs; a phone in full only with the leader's consent, otherwise masked).
import { html, defineComponent, reactive } from '../lib.js';
import { tr } from '../i18n.js';
import { api } from '../api.js';
import { masked } from '../easy.js';
import { errorNote } from './parts.js';

export default defineComponent({
  setup() {
    const s = reactive({ streets: [], communities: [], street: '', community: '', leaders: null, error: null });
    const list = (x) => (Array.isArray(x) ? x : (x && x.items) || []);
    api.get('/public/streets').then((l) => { s.streets = list(l); }).catch((e) => { s.error = e; });
    const pickStreet = async (code) => {
      s.street = code; s.community = ''; s.communities = []; s.leaders = null;
      if (code) try { s.communities = list(await api.get(`/public/streets/${code}/communities`)); } catch (e) { s.error = e; }
    };
    const pickCommunity = async (code) => {
      s.community = code; s.leaders = null;
      if (code) try { s.leaders = list(await api.get('/public/leaders', { community: code })); } catch (e) { s.error = e; }
    };
    return () => html`<div>
      <h1>${tr('楼门栋长名录', 'Building leaders directory')}</h1>
      <p>${tr('先选街镇，再选社区，就能看到为各楼门服务的楼门栋长。', 'Choose a street, then a community, to see the leaders serving each unit.')}</p>
      ${errorNote(s.error)}
      <div class="section">
        <div class="mb-3"><label class="form-label" for="d-street">${tr('街镇', 'Street / town')}</label>
          <select id="d-street" class="form-select" data-testid="d-street" onChange=${(e) => pickStreet(e.target.value)}>
            <option value="">${tr('请选择', 'Choose')}</option>
            ${s.streets.map((x) => html`<option value=${x.code} selected=${x.code === s.street}>${x.name}</option>`)}</select></div>
        <div><label class="form-label" for="d-community">${tr('社区/村', 'Community / village')}</label>
          <select id="d-community" class="form-select" data-testid="d-community" disabled=${!s.street} onChange=${(e) => pickCommunity(e.target.value)}>
            <option value="">${s.street ? tr('请选择', 'Choose') : tr('请先选街镇', 'Choose a street first')}</option>
            ${s.communities.map((x) => html`<option value=${x.code} selected=${x.code === s.community}>${x.name}</option>`)}</select></div>
      </div>
      ${s.leaders ? html`<section class="section" aria-live="polite" data-testid="d-leaders">
        <h2>${tr(`共 ${s.leaders.length} 位`, `${s.leaders.length} leaders`)}</h2>
        ${s.leaders.length ? html`<ul class="list-easy">${s.leaders.map((l, i) => html`<li key=${i}>
          <div class="row-title">${l.name}　<span class="badge text-bg-secondary">${l.role}</span></div>
          <div>${[l.building, l.unit].filter(Boolean).join(' ')}${l.workId ? html`　${tr('工作证号', 'Work ID')} <span class="mono">${l.workId}</span>` : null}</div>
          <div>${l.phonePublic && l.phone ? html`<a class="btn btn-outline-primary btn-sm" href=${'tel:' + l.phone}>${tr('拨打', 'Call')} ${l.phone}</a>`
            : html`${tr('电话', 'Phone')} <span class="mono">${masked(l.phone) || '—'}</span>`}</div>
        </li>`)}</ul>` : html`<p class="mb-0">${tr('这个社区还没有在任的楼门栋长。', 'No leader in service in this community yet.')}</p>`}
      </section>` : null}
    </div>`;
  },
});
