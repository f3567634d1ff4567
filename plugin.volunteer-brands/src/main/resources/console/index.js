// 志愿服务品牌 — the programme's console page: the brands of the street (one column on a phone), a brand's members,
// activities, hours to approve and ranking (./brand.js). The console loads this module from the programme's bundle and
// calls mount(element, context); context.api reaches this programme's routes, context.ui/html/vue the console's look.
import brandPage from './brand.js';

export default {
  mount(element, ctx) {
    const { html, vue, ui, tr } = ctx;
    const { defineComponent, reactive, ref, watch } = vue;
    const { Field, BusyButton, ErrorAlert, Loading, Empty, useLoad, useForm, toast, options, badge } = ui;
    const BrandPage = brandPage(ctx);
    const STAFF = ['DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY'];

    const Page = defineComponent({
      setup() {
        const brands = useLoad(() => ctx.api.get('/brands'));
        const communities = useLoad(() => ctx.api.core.get(`/public/streets/${ctx.street}/communities`));
        const selected = ref(null);
        const staff = ctx.hasRole(...STAFF);
        const form = reactive({ community: '', name: '', slogan: '', founder: '' });
        const leaders = ref([]);
        watch(() => form.community, async (c) => {
          leaders.value = [];
          form.founder = '';
          if (c) {
            const page = await ctx.api.core.get('/leaders', { community: c, size: 200 }).catch(() => ({ items: [] }));
            leaders.value = page.items || [];
          }
        });
        const brandForm = useForm();
        const addBrand = async (e) => {
          e.preventDefault();
          const ok = await brandForm.run(() => ctx.api.post('/brands', {
            community: form.community, name: form.name, slogan: form.slogan || null,
            founder: form.founder ? Number(form.founder) : null,
          }));
          if (ok) {
            toast(tr('已新建志愿服务品牌', 'Brand created'));
            form.name = '';
            form.slogan = '';
            brands.reload();
          }
        };
        const communityName = (code) => ((communities.data || []).find((c) => c.code === code) || {}).name || code;
        const STATUS = { ACTIVE: [tr('活跃', 'Active'), 'success'], PAUSED: [tr('暂停', 'Paused'), 'warning'],
          DISSOLVED: [tr('已解散', 'Dissolved'), 'secondary'] };
        const text = (obj, key, testid) => ({ id }) => html`<input id=${id} class="form-control form-control-lg"
          data-testid=${testid} value=${obj[key]} onInput=${(e) => { obj[key] = e.target.value; }} />`;

        const card = (b) => html`<li class="col-12 col-xl-6" key=${b.id}>
          <article class="card h-100 vb-brand" data-testid=${'vb-brand-' + b.id}>
            <div class="card-body">
              <h2 class="h5 card-title mb-1">${b.name}</h2>
              <p class="mb-2">
                ${badge(STATUS[b.status][0], STATUS[b.status][1])}
                ${b.prioritySupport ? html` <span class="badge text-bg-danger" data-testid="vb-priority"
                  title=${tr('创始楼门栋长获评优秀，优先扶持', 'Founded by an awarded leader: priority support')}>★ ${tr('优先扶持', 'Priority support')}</span>` : null}
                ${b.lead ? html` ${badge(tr('我是带头人', 'I lead it'), 'primary')}` : b.member ? html` ${badge(tr('我是成员', 'I am a member'), 'info')}` : null}
              </p>
              ${b.slogan ? html`<p class="fst-italic mb-2">“${b.slogan}”</p>` : null}
              <dl class="row mb-2 small">
                <dt class="col-4">${tr('社区', 'Community')}</dt><dd class="col-8">${communityName(b.community)}</dd>
                <dt class="col-4">${tr('创始人', 'Founder')}</dt><dd class="col-8">${b.founderName || tr('楼门栋长', 'A leader')}</dd>
                <dt class="col-4">${tr('成员', 'Members')}</dt><dd class="col-8">${b.members} ${tr('人', '')}</dd>
                ${b.award ? html`<dt class="col-4">${tr('表彰', 'Award')}</dt><dd class="col-8">${b.award}</dd>` : null}
              </dl>
              <button type="button" class="btn btn-primary btn-lg w-100 vb-touch" data-testid=${'vb-open-' + b.id}
                onClick=${() => { selected.value = b; }}>${tr('进入品牌', 'Open')}</button>
            </div>
          </article></li>`;

        return () => {
          if (selected.value) {
            return html`<${BrandPage} brand=${selected.value} communityName=${communityName(selected.value.community)}
              onBack=${() => { selected.value = null; brands.reload(); }} />`;
          }
          return html`<div data-testid="volunteer-brands-page" class="vb-page">
            <p class="text-body-secondary">${tr(`${ctx.streetName}各社区的志愿服务品牌：成员、服务活动、服务时长与年度排行。`,
              `Volunteer brands of ${ctx.streetName}'s communities: members, activities, service hours and the yearly ranking.`)}</p>
            ${brands.error ? html`<${ErrorAlert} error=${brands.error} />` : !brands.data ? html`<${Loading} />`
              : brands.data.length === 0 ? html`<${Empty} text=${staff ? tr('还没有志愿服务品牌，请在下方新建。', 'No brand yet: create one below.')
                : tr('本社区还没有志愿服务品牌。', 'Your community has no brand yet.')} />`
              : html`<ul class="row g-3 list-unstyled" data-testid="vb-brands">${brands.data.map(card)}</ul>`}
            ${staff ? html`<section class="card mt-3"><div class="card-body">
              <h2 class="h5 card-title">${tr('新建志愿服务品牌', 'Create a brand')}</h2>
              <form onSubmit=${addBrand} novalidate>
                <${Field} label=${tr('社区', 'Community')} required error=${brandForm.err('community')}>${({ id }) => html`
                  <select id=${id} class="form-select form-select-lg" data-testid="vb-community" onChange=${(e) => { form.community = e.target.value; }}>
                    ${options((communities.data || []).map((c) => ({ value: c.code, label: c.name })), form.community, tr('请选择社区', 'Choose a community'))}
                  </select>`}<//>
                <${Field} label=${tr('品牌名称', 'Name')} required error=${brandForm.err('name')}>${text(form, 'name', 'vb-name')}<//>
                <${Field} label=${tr('口号', 'Slogan')} error=${brandForm.err('slogan')}>${text(form, 'slogan', 'vb-slogan')}<//>
                <${Field} label=${tr('创始楼门栋长', 'Founding leader')} required error=${brandForm.err('founder')}>${({ id }) => html`
                  <select id=${id} class="form-select form-select-lg" data-testid="vb-founder" onChange=${(e) => { form.founder = e.target.value; }}>
                    ${options(leaders.value.map((l) => ({ value: l.id, label: l.name })), form.founder,
                      form.community ? tr('请选择楼门栋长', 'Choose a leader') : tr('请先选择社区', 'Choose the community first'))}
                  </select>`}<//>
                ${brandForm.error && !brandForm.error.field ? html`<${ErrorAlert} error=${brandForm.error} />` : null}
                <${BusyButton} type="submit" busy=${brandForm.busy} testid="vb-add-brand" size="lg">${tr('新建品牌', 'Create')}<//>
              </form>
            </div></section>` : null}
          </div>`;
        };
      },
    });

    const app = vue.createApp(Page);
    app.mount(element);
    return () => app.unmount();
  },
};
