// Programmes' parts of the resident pages (SPI 1.2, @ProgrammeDefinition(residentResources = "/resident")): the unit
// page /u/<unit> mounts each enabled programme's unit.js into a section of its own, the door poster its poster.js
// into a band of the sheet. Only programmes the unit's street enabled are listed
// (GET /api/v1/public/streets/{street}/programmes), so a street that has not enabled one shows nothing of it.
// A part that fails to load or throws is left out with a note; the page goes on.
import * as vue from '../lib.js';
import { html, defineComponent, reactive, onBeforeUnmount } from '../lib.js';
import * as i18n from '../i18n.js';
import { tr, name } from '../i18n.js';
import { api } from '../api.js';
import { Field, Busy, errorNote } from './parts.js';

const lists = new Map();

/** The programmes enabled in a street that bring resident parts: [{id, name, version, resident: {unit, poster}}]. */
export function residentProgrammes(street) {
  if (!lists.has(street)) {
    lists.set(street, api.get(`/public/streets/${encodeURIComponent(street)}/programmes`).catch(() => []));
  }
  return lists.get(street);
}

/** The frozen context a programme's part gets: the unit, the programme, a public API of its own, Vue, htm, tr. */
export function residentContext(unit, p) {
  const base = `/public/streets/${unit.street}/programmes/${encodeURIComponent(p.id)}`;
  const u = ['code', 'label', 'building', 'buildingLabel', 'community', 'communityName', 'street', 'streetName']
    .reduce((o, k) => { o[k] = unit[k]; return o; }, {});
  return Object.freeze({
    kitVersion: '1.0',
    unit: Object.freeze(u),
    programme: Object.freeze({ id: p.id, name: p.name, version: p.version }),
    api: Object.freeze({ get: (path, query) => api.get(base + path, query), post: (path, body) => api.post(base + path, body) }),
    vue, html, tr, i18n,
    ui: Object.freeze({ Field, Busy, errorNote }),
  });
}

async function load(p, file) {
  const mod = await import(`/resident-pages/${encodeURIComponent(p.id)}/${encodeURIComponent(p.version)}/${file}`);
  if (!mod.default || typeof mod.default.mount !== 'function') throw new Error('no mount');
  return mod.default;
}

/** One programme's part: an element the programme mounts into. */
const Part = defineComponent({
  props: { unit: Object, programme: Object, file: String, onDone: Function },
  setup(props) {
    const s = reactive({ failed: false });
    let cleanup = null;
    let el = null;
    const done = () => { if (props.onDone) props.onDone(); };
    const mountInto = async (node) => {
      if (!node || el) return;
      el = node;
      try {
        const part = await load(props.programme, props.file);
        const out = part.mount(el, residentContext(props.unit, props.programme));
        if (typeof out === 'function') cleanup = out;
        else if (out && typeof out.then === 'function') await out;
      } catch (e) {
        s.failed = true;
      }
      done();
    };
    onBeforeUnmount(() => { if (cleanup) { try { cleanup(); } catch (e) { /* the part's own problem */ } } });
    return () => html`<div class="programme-part" data-programme=${props.programme.id}>
      ${s.failed ? html`<p class="text-body-secondary">${tr(`「${name(props.programme.name)}」暂时无法显示。`, `${name(props.programme.name)} cannot be shown now.`)}</p>` : null}
      <div ref=${mountInto}></div></div>`;
  },
});

/**
 * The parts of the programmes enabled in the unit's street: file 'unit.js' (a section each) or 'poster.js'. The
 * element gets data-ready="true" once every part has mounted (or failed).
 */
export const ProgrammeParts = defineComponent({
  props: { unit: Object, file: { type: String, default: 'unit.js' } },
  setup(props) {
    const s = reactive({ list: null, pending: 0 });
    const kind = props.file === 'poster.js' ? 'poster' : 'unit';
    residentProgrammes(props.unit.street).then((l) => {
      s.list = (l || []).filter((p) => p.resident && p.resident[kind]);
      s.pending = s.list.length;
    });
    return () => html`<div class="programme-parts" data-testid=${'programme-parts-' + kind}
        data-ready=${s.list && s.pending === 0 ? 'true' : 'false'}>
      ${(s.list || []).map((p) => (kind === 'unit'
        ? html`<section class="section" key=${p.id} aria-label=${name(p.name)} data-testid=${'programme-section-' + p.id}>
            <${Part} unit=${props.unit} programme=${p} file=${props.file} onDone=${() => { s.pending -= 1; }} /></section>`
        : html`<div key=${p.id} data-testid=${'poster-band-' + p.id}>
            <${Part} unit=${props.unit} programme=${p} file=${props.file} onDone=${() => { s.pending -= 1; }} /></div>`))}
    </div>`;
  },
});
