// 我的楼门 on the printed door poster (楼门公示牌): the unit convention and how many households agreed, drawn in mm
// for A4. The poster waits for the promise mount returns before it is ready to print.
export default {
  mount(element, ctx) {
    const { html, vue, tr } = ctx;
    return ctx.api.get(`/units/${ctx.unit.code}`).then((d) => {
      const c = d.convention;
      const Band = vue.defineComponent({
        setup() {
          return () => html`<div class="mt-4" data-testid="mb-poster">
            <h3>${tr('楼门公约', 'Unit convention')}</h3>
            ${c ? html`<div>${c.text.split('\n').map((line) => html`<p class="mb-1">${line}</p>`)}</div>
              <p class="mt-2"><strong data-testid="mb-poster-agreed">${tr(`已有 ${c.agreed} 户同意（共 ${c.households} 户）`, `${c.agreed} of ${c.households} households agreed`)}</strong>　${tr('扫码可同意公约、报名楼门活动', 'Scan to agree or to sign up for activities')}</p>`
              : html`<p>${tr('本楼门的公约正在起草中。', 'The unit convention is being drafted.')}</p>`}
            ${d.stewards ? html`<p>${tr(`本楼门楼门管家 ${d.stewards} 人`, `${d.stewards} stewards serve this unit`)}</p>` : null}
          </div>`;
        },
      });
      vue.createApp(Band).mount(element);
    });
  },
};
