// 志愿服务品牌 — the programme's console page. The console loads this module from the programme's bundle and calls
// mount(element, context); context.api reaches this programme's routes, context.ui/html/vue give the console's look.
export default {
  mount(element, ctx) {
    const { html, vue, ui, i18n, tr } = ctx;
    const { defineComponent, reactive, ref } = vue;
    const { DataTable, Field, BusyButton, ErrorAlert, Loading, useLoad, useForm, toast, options } = ui;

    const Page = defineComponent({
      setup() {
        const summary = useLoad(() => ctx.api.get('/summary'));
        const communities = useLoad(() => ctx.api.core.get(`/public/streets/${ctx.street}/communities`));
        const selected = ref(null);
        const activities = useLoad(() => (selected.value
          ? ctx.api.get(`/brands/${selected.value.id}/activities`) : Promise.resolve([])));
        const brand = reactive({ community: '', name: '', slogan: '' });
        const act = reactive({ heldOn: i18n.today(), title: '', volunteers: '', hours: '' });
        const brandForm = useForm();
        const actForm = useForm();
        const canCreate = ctx.user.bindings.some((b) => b.role !== 'LEADER');

        const addBrand = async (e) => {
          e.preventDefault();
          const ok = await brandForm.run(() => ctx.api.post('/brands', { ...brand }));
          if (ok) {
            toast(tr('已添加志愿服务品牌', 'Brand added'));
            brand.name = '';
            brand.slogan = '';
            summary.reload();
          }
        };
        const addActivity = async (e) => {
          e.preventDefault();
          const ok = await actForm.run(() => ctx.api.post(`/brands/${selected.value.id}/activities`, {
            heldOn: act.heldOn, title: act.title, volunteers: Number(act.volunteers), hours: act.hours,
          }));
          if (ok) {
            toast(tr('已记录服务活动', 'Activity recorded'));
            act.title = '';
            activities.reload();
            summary.reload();
          }
        };
        const open = (row) => { selected.value = row; activities.reload(); };
        const communityName = (code) => ((communities.data || []).find((c) => c.code === code) || {}).name || code;
        const input = (obj, key, type = 'text') => ({ id }) => html`<input id=${id} type=${type} class="form-control"
          data-testid=${'vb-' + key} value=${obj[key]} onInput=${(e) => { obj[key] = e.target.value; }} />`;

        return () => html`
          <div data-testid="volunteer-brands-page">
            <p class="text-body-secondary">${tr(`${ctx.streetName}的社区志愿服务队、服务活动与服务时长。`,
              `Volunteer teams of ${ctx.streetName}'s communities, their activities and service hours.`)}</p>
            <section class="card mb-3"><div class="card-body">
              <h2 class="card-title">${tr('品牌与服务时长', 'Brands and service hours')}</h2>
              ${summary.error ? html`<${ErrorAlert} error=${summary.error} />` : !summary.data ? html`<${Loading} />` : html`
                <${DataTable} rows=${summary.data} empty=${tr('还没有志愿服务品牌，请在下方添加。', 'No brand yet: add one below.')}
                  columns=${[
                    { key: 'name', label: tr('品牌', 'Brand'), sortable: true },
                    { key: 'community', label: tr('社区', 'Community'), cell: (r) => communityName(r.community) },
                    { key: 'activities', label: tr('活动（次）', 'Activities'), sortable: true, class: 'text-end' },
                    { key: 'volunteerTurns', label: tr('志愿者（人次）', 'Volunteer turns'), sortable: true, class: 'text-end' },
                    { key: 'serviceHours', label: tr('服务时长（小时）', 'Service hours'), sortable: true, class: 'text-end',
                      sortValue: (r) => Number(r.serviceHours) },
                    { key: 'open', label: tr('操作', 'Actions'), cell: (r) => html`<button type="button"
                      class="btn btn-sm btn-outline-primary" onClick=${() => open(r)}>${tr('查看活动', 'Activities')}</button>` },
                  ]} />`}
            </div></section>
            ${selected.value ? html`<section class="card mb-3"><div class="card-body">
              <h2 class="card-title">${tr(`「${selected.value.name}」的服务活动`, `Activities of “${selected.value.name}”`)}</h2>
              ${activities.data ? html`<${DataTable} rows=${activities.data} empty=${tr('还没有活动记录。', 'No activity recorded yet.')}
                columns=${[
                  { key: 'heldOn', label: tr('日期', 'Date'), sortable: true, cell: (r) => i18n.fmtDate(r.heldOn) },
                  { key: 'title', label: tr('活动', 'Activity') },
                  { key: 'volunteers', label: tr('志愿者（人）', 'Volunteers'), class: 'text-end' },
                  { key: 'hours', label: tr('时长（小时）', 'Hours'), class: 'text-end' },
                ]} />` : html`<${Loading} />`}
              <form class="row g-2 mt-2" onSubmit=${addActivity} novalidate>
                <${Field} col="col-12 col-md-3" label=${tr('日期', 'Date')} required error=${actForm.err('heldOn')}>${input(act, 'heldOn', 'date')}<//>
                <${Field} col="col-12 col-md-4" label=${tr('活动名称', 'Title')} required error=${actForm.err('title')}>${input(act, 'title')}<//>
                <${Field} col="col-6 col-md-2" label=${tr('志愿者人数', 'Volunteers')} required error=${actForm.err('volunteers')}>${input(act, 'volunteers', 'number')}<//>
                <${Field} col="col-6 col-md-2" label=${tr('时长（小时）', 'Hours')} required error=${actForm.err('hours')}>${input(act, 'hours', 'number')}<//>
                <div class="col-12">${actForm.error && !actForm.error.field ? html`<${ErrorAlert} error=${actForm.error} />` : null}
                  <${BusyButton} type="submit" busy=${actForm.busy} testid="add-activity">${tr('记录活动', 'Record activity')}<//></div>
              </form>
            </div></section>` : null}
            ${canCreate ? html`<section class="card"><div class="card-body">
              <h2 class="card-title">${tr('添加志愿服务品牌', 'Add a brand')}</h2>
              <form class="row g-2" onSubmit=${addBrand} novalidate>
                <${Field} col="col-12 col-md-4" label=${tr('社区', 'Community')} required error=${brandForm.err('community')}>${({ id }) => html`
                  <select id=${id} class="form-select" data-testid="vb-community" onChange=${(e) => { brand.community = e.target.value; }}>
                    ${options((communities.data || []).map((c) => ({ value: c.code, label: c.name })), brand.community,
                      tr('请选择社区', 'Choose a community'))}
                  </select>`}<//>
                <${Field} col="col-12 col-md-4" label=${tr('品牌名称', 'Name')} required error=${brandForm.err('name')}>${input(brand, 'name')}<//>
                <${Field} col="col-12 col-md-4" label=${tr('口号', 'Slogan')} error=${brandForm.err('slogan')}>${input(brand, 'slogan')}<//>
                <div class="col-12">${brandForm.error && !brandForm.error.field ? html`<${ErrorAlert} error=${brandForm.error} />` : null}
                  <${BusyButton} type="submit" busy=${brandForm.busy} testid="add-brand">${tr('添加', 'Add')}<//></div>
              </form>
            </div></section>` : null}
          </div>`;
      },
    });

    const app = vue.createApp(Page);
    app.mount(element);
    return () => app.unmount();
  },
};
