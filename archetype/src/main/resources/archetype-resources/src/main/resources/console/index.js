// ${nameZh} / ${nameEn}: the programme's console page. @ProgrammeDefinition(consoleResources = "/console") names this
// folder; the console loads index.js from the bundle (/programme-pages/${programmeId}/<version>/index.js) when a user
// opens the programme's menu entry, and calls mount(element, ctx).
#[[//
// ctx: street, streetName, programme {id, name, version, roles}, user {username, displayName, bindings},
//      api (get/post/put/del/download under /api/v1/streets/{street}/programmes/{id}; api.core = the whole API),
//      vue (Vue 3), html (htm bound to Vue's h), ui (the console's components), i18n, tr('中文', 'English').
// The console runs under a strict Content-Security-Policy: no inline script, no eval, no innerHTML. htm's ${…}
// interpolations are text, never markup, so data is safe to show. Write every visible string as tr('中文', 'English').
export default {
  mount(element, ctx) {
    const { html, vue, ui, i18n, tr } = ctx;
    const { defineComponent, reactive } = vue;
    const { DataTable, Field, BusyButton, ErrorAlert, Loading, useLoad, useForm, toast } = ui;

    const Page = defineComponent({
      setup() {
        const notes = useLoad(() => ctx.api.get('/notes'));
        const note = reactive({ text: '' });
        const form = useForm();

        const add = async (e) => {
          e.preventDefault();
          const saved = await form.run(() => ctx.api.post('/notes', { text: note.text }));
          if (saved) {
            toast(tr('已添加', 'Note added'));
            note.text = '';
            notes.reload();
          }
        };

        return () => html`
          <div data-testid=${ctx.programme.id + '-page'}>
            <p class="text-body-secondary">${tr(`${ctx.streetName}的记事。`, `Notes of ${ctx.streetName}.`)}</p>
            <section class="card mb-3" aria-labelledby="notes-h"><div class="card-body">
              <h2 class="card-title" id="notes-h">${tr('记事', 'Notes')}</h2>
              ${notes.error ? html`<${ErrorAlert} error=${notes.error} />` : !notes.data ? html`<${Loading} />` : html`
                <${DataTable} rows=${notes.data}
                  empty=${tr('还没有记事，请在下方添加。', 'No note yet: add one below.')}
                  columns=${[
                    { key: 'createdAt', label: tr('时间', 'When'), sortable: true, cell: (r) => i18n.fmtDateTime(r.createdAt) },
                    { key: 'text', label: tr('内容', 'Text'), class: 'text-break' },
                    { key: 'createdBy', label: tr('记录人', 'By') },
                  ]} />`}
            </div></section>
            <section class="card" aria-labelledby="add-h"><div class="card-body">
              <h2 class="card-title" id="add-h">${tr('添加记事', 'Add a note')}</h2>
              <form onSubmit=${add} novalidate>
                <${Field} label=${tr('内容', 'Text')} required error=${form.err('text')}
                  help=${tr('不超过 500 字', 'At most 500 characters')}>${({ id, invalid, describedBy }) => html`
                  <textarea id=${id} class=${'form-control' + (invalid ? ' is-invalid' : '')} rows="3" maxlength="500"
                    aria-describedby=${describedBy} data-testid="note-text" value=${note.text}
                    onInput=${(e) => { note.text = e.target.value; }}></textarea>`}<//>
                ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
                <${BusyButton} type="submit" busy=${form.busy} testid="add-note">${tr('添加', 'Add')}<//>
              </form>
            </div></section>
          </div>`;
      },
    });

    const app = vue.createApp(Page);
    app.mount(element);
    return () => app.unmount(); // the console calls this when the user leaves the page
  },
};
]]#