// 结业证书: the completion certificate of one trainee, an A4 sheet (certificate.css: @page A4, mm, Noto Sans CJK SC)
// shown as a print preview inside the programme's page; 打印 prints the sheet alone (the console around it is hidden
// in print). Data: GET /courses/{course}/trainees/{trainee}/certificate (409 until the checklist is done).

/** 2026年11月30日 */
function cnDate(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function certificateView(ctx, back, communityName) {
  const { html, vue, ui, tr } = ctx;
  const { defineComponent, reactive } = vue;
  return defineComponent({
    props: { course: Number, trainee: Number },
    setup(props) {
      const s = reactive({ c: null, error: null });
      ctx.api.get(`/courses/${props.course}/trainees/${props.trainee}/certificate`)
        .then((c) => { s.c = c; }).catch((e) => { s.error = e; });
      return () => {
        const c = s.c;
        return html`<div class="et-print-host">
          <div class="et-print-toolbar">
            <h2 class="h4 mb-0" tabindex="-1" data-focus>${tr('打印结业证书', 'Print the certificate')}</h2>
            <button type="button" class="btn btn-outline-dark btn-lg" onClick=${back}>← ${tr('返回', 'Back')}</button>
            <button type="button" class="btn btn-primary btn-lg" data-testid="et-print" disabled=${!c} onClick=${() => window.print()}>${tr('打印', 'Print')}</button>
            <p class="small text-body-secondary w-100 mb-0">${tr('A4 纵向，按 100% 比例打印。', 'A4 portrait, print at 100%.')}</p>
          </div>
          ${s.error ? html`<${ui.ErrorAlert} error=${s.error} />` : !c ? html`<${ui.Loading} />` : html`
          <div class="et-sheets">
            <section class="et-sheet" data-testid="et-certificate" lang="zh-CN" aria-label="结业证书">
              <div class="et-frame">
                <div class="et-cert-no">证书编号：<span data-testid="et-certificate-no">${c.certificateNo}</span></div>
                <div class="et-cert-title">结业证书</div>
                <div class="et-cert-body"><strong>${c.name}</strong> 同志：</div>
                <div class="et-cert-body">于 ${cnDate(c.startsOn)} 起参加${ctx.streetName}${communityName(c.community)}举办的
                  “${c.courseTitle}”，出勤 ${c.attended} 次（共 ${c.sessions} 次课），经讲师考核，已掌握以下智能手机技能：</div>
                <ul class="et-cert-skills">${c.skills.map((k) => html`<li key=${k.skill}>✔ ${k.zh}</li>`)}</ul>
                <div class="et-cert-body">准予结业，特发此证。</div>
                <div class="et-cert-foot">${ctx.streetName}<br />${cnDate(c.completedOn)}</div>
              </div>
            </section>
          </div>`}
        </div>`;
      };
    },
  });
}
