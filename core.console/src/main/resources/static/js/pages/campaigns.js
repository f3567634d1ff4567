// 宣传活动: publicity campaigns of a street or the district (e.g. 双新街道 颂歌献给伟大的中国共产党 系列宣传活动) with
// their theme, period and materials; the activities leaders held in their units (政策法规宣传员) and the totals per
// street and community.
import { html, defineComponent, reactive, ref } from '../lib.js';
import { tr, fmtDate, fmtNumber, today } from '../i18n.js';
import { api } from '../api.js';
import { scope, scopeStreet } from '../auth.js';
import { loadStreets } from '../places.js';
import { PageHeader, Field, options, ErrorAlert, BusyButton, DataTable, badge, toast, useLoad, useForm } from '../ui.js';
import { TableCard, daysFrom } from '../widgets/work-common.js';

const RUNNERS = ['DISTRICT_ADMIN', 'STREET_ADMIN'];

const NewCampaign = defineComponent({
  props: { onDone: Function, onCancel: Function },
  setup(props) {
    const district = scope.role === 'DISTRICT_ADMIN';
    const v = reactive({ node: district ? scope.node : scopeStreet.value, theme: '', startsOn: today(), endsOn: daysFrom(today(), 30), materials: '' });
    const streets = useLoad(() => (district ? loadStreets() : Promise.resolve([])));
    const form = useForm();
    const submit = async (e) => {
      e.preventDefault();
      const r = await form.run(() => api.post('/campaigns', { node: v.node, theme: v.theme.trim(), startsOn: v.startsOn, endsOn: v.endsOn,
        materials: v.materials.split('\n').map((m) => m.trim()).filter(Boolean) }));
      if (r) { toast(tr('宣传活动已发布', 'Campaign published')); props.onDone(r); }
    };
    return () => html`
      <form class="card card-body mb-3" novalidate onSubmit=${submit} data-testid="campaign-form">
        <h2 class="card-title h5">${tr('发布宣传活动', 'New campaign')}</h2>
        ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
        <div class="row g-2">
          <${Field} col="col-12 col-md-4" label=${tr('组织单位', 'Run by')} required error=${form.err('node')}>${({ id }) => html`
            <select id=${id} class="form-select" disabled=${!district} onChange=${(e) => { v.node = e.target.value; }}>
              ${options(district ? [{ value: scope.node, label: tr('全区', 'District-wide') }, ...(streets.data || []).map((s) => ({ value: s.code, label: s.name }))]
                : [{ value: scopeStreet.value, label: tr('本街道', 'My street') }], v.node)}</select>`}<//>
          <${Field} col="col-12 col-md-8" label=${tr('主题', 'Theme')} required error=${form.err('theme')}>${({ id }) => html`
            <input id=${id} class="form-control" maxlength="100" data-testid="campaign-theme" value=${v.theme} onInput=${(e) => { v.theme = e.target.value; }} />`}<//>
          <${Field} col="col-6 col-md-3" label=${tr('开始日期', 'Starts on')} required error=${form.err('startsOn')}>${({ id }) => html`
            <input id=${id} type="date" class="form-control" value=${v.startsOn} onInput=${(e) => { v.startsOn = e.target.value; }} />`}<//>
          <${Field} col="col-6 col-md-3" label=${tr('结束日期', 'Ends on')} required error=${form.err('endsOn')}>${({ id }) => html`
            <input id=${id} type="date" class="form-control" value=${v.endsOn} onInput=${(e) => { v.endsOn = e.target.value; }} />`}<//>
          <${Field} col="col-12 col-md-6" label=${tr('宣传材料（每行一项）', 'Materials (one a line)')} error=${form.err('materials')}>${({ id }) => html`
            <textarea id=${id} class="form-control" rows="3" value=${v.materials} onInput=${(e) => { v.materials = e.target.value; }}></textarea>`}<//>
        </div>
        <div class="d-flex gap-2 mt-2">
          <${BusyButton} type="submit" busy=${form.busy} disabled=${!v.theme.trim()} testid="campaign-submit">${tr('发布', 'Publish')}<//>
          <button type="button" class="btn btn-outline-secondary" onClick=${() => props.onCancel()}>${tr('取消', 'Cancel')}</button>
        </div>
      </form>`;
  },
});

/** One campaign's totals per street and community, and its activities. */
const Detail = defineComponent({
  props: { campaign: Object },
  setup(props) {
    const totals = useLoad(() => api.get(`/campaigns/${props.campaign.id}/totals`));
    const activities = useLoad(() => api.get(`/campaigns/${props.campaign.id}/activities`));
    const groupColumns = (what) => [
      { key: 'name', label: () => what, cell: (g) => g.name || g.code },
      { key: 'activities', label: () => tr('活动次数', 'Activities'), class: 'text-end figures', cell: (g) => fmtNumber(g.activities) },
      { key: 'households', label: () => tr('覆盖户数', 'Households reached'), class: 'text-end figures', cell: (g) => fmtNumber(g.households) },
      { key: 'leaders', label: () => tr('参与楼门栋长', 'Leaders'), class: 'text-end figures', cell: (g) => fmtNumber(g.leaders) },
    ];
    const activityColumns = [
      { key: 'day', label: () => tr('日期', 'Day'), sortable: true, cell: (a) => fmtDate(a.day) },
      { key: 'community', label: () => tr('地点', 'Place'), cell: (a) => `${a.communityName || ''} ${a.placeLabel || ''}` },
      { key: 'venue', label: () => tr('具体位置', 'Venue') },
      { key: 'leaderName', label: () => tr('楼门栋长', 'Leader'), cell: (a) => a.leaderName || '—' },
      { key: 'households', label: () => tr('覆盖户数', 'Households'), class: 'text-end figures' },
      { key: 'photos', label: () => tr('照片', 'Photos'), cell: (a) => (a.photos ? html`${Array.from({ length: a.photos }, (_, i) => html`<button type="button" class="btn btn-link btn-sm p-0 me-2" onClick=${() => openPhoto(a.id, i + 1)}>${tr('照片', 'Photo')} ${i + 1}</button>`)}` : '—') },
    ];
    const openPhoto = (id, n) => api.download(`/publicity/${id}/photos/${n}`, {}, `publicity-${id}-${n}.jpg`).catch(() => {});
    return () => {
      const t = totals.data;
      return html`<section class="mt-3" data-testid="campaign-detail" aria-labelledby="cp-detail">
        <h2 id="cp-detail" class="h5">${props.campaign.theme}</h2>
        ${totals.error ? html`<${ErrorAlert} error=${totals.error} />` : null}
        ${t ? html`<p class="fs-5" data-testid="campaign-totals">${tr(`共 ${fmtNumber(t.activities)} 次活动，覆盖 ${fmtNumber(t.households)} 户，${fmtNumber(t.leaders)} 名楼门栋长参与`,
          `${fmtNumber(t.activities)} activities, ${fmtNumber(t.households)} households reached, ${fmtNumber(t.leaders)} leaders`)}</p>
          <div class="row g-3">
            <div class="col-12 col-lg-5"><${TableCard} label=${tr('按街道', 'By street')} testid="campaign-streets">
              <${DataTable} columns=${groupColumns(tr('街道/镇', 'Street'))} rows=${t.streets} rowKey="code" caption=${tr('按街道', 'By street')} empty=${tr('还没有活动记录', 'No activities yet')} /><//></div>
            <div class="col-12 col-lg-7"><${TableCard} label=${tr('按社区', 'By community')} testid="campaign-communities">
              <${DataTable} columns=${groupColumns(tr('社区', 'Community'))} rows=${t.communities} rowKey="code" caption=${tr('按社区', 'By community')} empty=${tr('还没有活动记录', 'No activities yet')} /><//></div>
          </div>` : null}
        <h3 class="h6 mt-3">${tr('活动记录', 'Activities')}</h3>
        <${TableCard} busy=${activities.loading} label=${tr('活动记录', 'Activities')} testid="campaign-activities">
          <${DataTable} columns=${activityColumns} rows=${activities.data || []} caption=${tr('活动记录', 'Activities')}
            empty=${tr('楼门栋长在工作台“宣传活动”中记录在楼门开展的宣传。', 'Leaders record their activities from the workspace.')} /><//>
      </section>`;
    };
  },
});

export default defineComponent({
  setup() {
    const creating = ref(false);
    const chosen = ref(null);
    const list = useLoad(() => api.get('/campaigns'));
    const runner = () => RUNNERS.includes(scope.role);
    const columns = [
      { key: 'theme', label: () => tr('主题', 'Theme'), cell: (c) => html`<button type="button" class="btn btn-link p-0 text-start" data-testid="campaign-open" onClick=${() => { chosen.value = c; }}>${c.theme}</button>` },
      { key: 'nodeName', label: () => tr('组织单位', 'Run by') },
      { key: 'period', label: () => tr('时间', 'Period'), cell: (c) => `${fmtDate(c.startsOn)} — ${fmtDate(c.endsOn)}` },
      { key: 'open', label: () => tr('状态', 'Status'), cell: (c) => (c.open ? badge(tr('进行中', 'Running'), 'success') : badge(tr('不在活动期', 'Not running'), 'secondary')) },
      { key: 'materials', label: () => tr('宣传材料', 'Materials'), cell: (c) => (c.materials || []).join('；') || '—' },
    ];
    return () => html`
      <div>
        <${PageHeader} title=${tr('宣传活动', 'Publicity campaigns')}>
          ${runner() && !creating.value ? html`<button type="button" class="btn btn-primary" data-testid="campaign-new" onClick=${() => { creating.value = true; }}>＋ ${tr('发布宣传活动', 'New campaign')}</button>` : null}
        <//>
        ${creating.value ? html`<${NewCampaign} onDone=${(c) => { creating.value = false; list.reload(); chosen.value = c; }} onCancel=${() => { creating.value = false; }} />` : null}
        ${list.error ? html`<${ErrorAlert} error=${list.error} />` : null}
        <${TableCard} busy=${list.loading} label=${tr('宣传活动', 'Campaigns')} testid="campaigns">
          <${DataTable} columns=${columns} rows=${list.data || []} caption=${tr('宣传活动', 'Campaigns')}
            empty=${tr('还没有宣传活动。街道或区发布后，楼门栋长即可记录。', 'No campaigns yet. Once the street or district publishes one, leaders can record activities.')} /><//>
        ${chosen.value ? html`<${Detail} key=${chosen.value.id} campaign=${chosen.value} />` : null}
      </div>`;
  },
});
