// 导入导出 / Import and export: spreadsheets (CSV) of leaders or households in, the leaders' register out. The file
// goes to the server as it is (UTF-8 or GBK: the server detects which). All or nothing: a file with one bad row writes
// nothing, and its bad rows are listed here and can be downloaded to fix. District and street admins import; every
// staff role may export what lies in its scope.
import { html, defineComponent, reactive, ref } from '../lib.js';
import { tr, msg, fmtNumber, today } from '../i18n.js';
import { api, uploadWithProgress, saveBlob, ApiError } from '../api.js';
import { has, scopeStreet } from '../auth.js';
import { loadStreets } from '../places.js';
import { PageHeader, ErrorAlert, BusyButton, options, toast } from '../ui.js';

const KINDS = {
  leaders: { zh: '楼门栋长', en: 'Leaders', list: '#/leaders' },
  households: { zh: '住户', en: 'Households', list: '#/households' },
};

/** The columns of each kind of file and what each allows (as README, "Imports"). */
const COLUMNS = {
  leaders: [
    ['street', '街镇：9 位代码，或准确的名称（如 双港镇）', 'Street: 9-digit code or its exact name (e.g. 双港镇)'],
    ['community', '社区：该街镇已有社区的 12 位代码，或名称（不存在则新建；以“村”结尾的建为村）', 'Community: 12-digit code of one of the street\u2019s communities, or a name (a missing one is created; names ending in 村 become villages)'],
    ['building', '楼栋：如 3号楼（不存在则新建）', 'Building: e.g. 3号楼 (created when missing)'],
    ['unit', '单元：如 2单元（不存在则新建）；栋长留空', 'Unit: e.g. 2单元 (created when missing); empty for a building leader'],
    ['role', '楼门长 | 栋长（或 UNIT_LEADER | BUILDING_LEADER）', '楼门长 | 栋长 (or UNIT_LEADER | BUILDING_LEADER)'],
    ['name', '姓名', 'Name'],
    ['gender', '男 | 女（或 M | F）', '男 | 女 (or M | F)'],
    ['birth_date', '出生日期：YYYY-MM-DD 或 YYYY/M/D，真实日期，不晚于今天', 'Date of birth: YYYY-MM-DD or YYYY/M/D; a real day, not in the future'],
    ['education', '小学 初中 高中 中专 大专 本科 硕士 博士（或 PRIMARY … DOCTORATE）', '小学 初中 高中 中专 大专 本科 硕士 博士 (or PRIMARY … DOCTORATE)'],
    ['party_member', '是 | 否（或 true | false）', '是 | 否 (or true | false)'],
    ['phone', '11 位手机号码，不能与文件中或已登记的楼门栋长重复', '11-digit mobile number, unique in the file and among registered leaders'],
    ['nomination', '自荐 | 推荐（或 SELF | RECOMMENDED）', '自荐 | 推荐 (or SELF | RECOMMENDED)'],
  ],
  households: [
    ['street', '街镇：9 位代码或准确的名称', 'Street: 9-digit code or exact name'],
    ['community', '社区：12 位代码或名称', 'Community: 12-digit code or name'],
    ['building', '楼栋：如 3号楼', 'Building: e.g. 3号楼'],
    ['unit', '单元：如 2单元', 'Unit: e.g. 2单元'],
    ['room', '房号：如 301；同一单元内不重复', 'Room: e.g. 301; one household per unit and room'],
    ['head_name', '户主姓名', 'Head of household'],
    ['members', '人数：1 至 30', 'Members: 1 to 30'],
    ['phone', '电话（可空）：手机或固定电话', 'Phone (optional): mobile or landline'],
    ['special_groups', '特殊群体（可空），多项用 ; 分隔：独居老人 空巢老人 残疾人 低保 优抚对象 困境儿童 大病患者 特困人员', 'Special groups (optional), separated by ;: 独居老人 空巢老人 残疾人 低保 优抚对象 困境儿童 大病患者 特困人员'],
  ],
};

/** A cell a spreadsheet would run as a formula gets a leading apostrophe, as the server's export does. */
export function safeCell(v) {
  const s = v == null ? '' : String(v);
  const cell = /^[=+\-@\t\r]/.test(s) ? "'" + s : s;
  return /[",\r\n]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell;
}

/** CSV text (CRLF lines) as a UTF-8 file with a BOM, so Excel opens it as UTF-8. */
export function csvBlob(rows) {
  const text = '\uFEFF' + rows.map((r) => r.map(safeCell).join(',')).join('\r\n') + '\r\n';
  return new Blob([text], { type: 'text/csv;charset=utf-8' });
}

const SHOWN = 500;

export default defineComponent({
  setup() {
    const importer = has('DISTRICT_ADMIN', 'STREET_ADMIN');
    const up = reactive({ kind: 'leaders', file: null, busy: false, progress: 0, result: null, bad: null, error: null, fileKind: null });
    const fileInput = ref(null);
    const streets = ref([]);
    const exp = reactive({ street: '', busy: false, error: null });
    if (!scopeStreet.value) loadStreets().then((l) => { streets.value = l; }).catch(() => {});

    const upload = async (e) => {
      e.preventDefault();
      if (!up.file) { up.error = new Error(tr('请先选择 CSV 文件', 'Choose a CSV file first')); return; }
      Object.assign(up, { busy: true, progress: 0, result: null, bad: null, error: null, fileKind: up.kind });
      try {
        // the file's own bytes: the server tells UTF-8 from GBK/GB18030
        up.result = await uploadWithProgress(`/imports/${up.kind}`, up.file, 'text/csv', (p) => { up.progress = p; });
        toast(tr(`已导入 ${up.result.imported} 条`, `${up.result.imported} rows imported`));
      } catch (err) {
        if (err instanceof ApiError && err.code === 'invalid-csv') up.bad = { rows: err.body.rows || [], message: err.text, name: up.file.name };
        else up.error = err;
      } finally {
        up.busy = false;
      }
    };
    const downloadBad = () => {
      const rows = [[tr('行号', 'Row'), tr('列', 'Column'), tr('内容', 'Value'), tr('原因', 'Reason')],
        ...up.bad.rows.map((r) => [r.row, r.column ?? '', r.value ?? '', msg(r.message)])];
      const base = up.bad.name.replace(/\.csv$/i, '');
      saveBlob(csvBlob(rows), `${tr('导入错误', 'import-errors')}-${base}.csv`);
    };
    const template = () => {
      saveBlob(csvBlob([COLUMNS[up.kind].map((c) => c[0])]), `${tr(KINDS[up.kind].zh, up.kind)}-${tr('模板', 'template')}.csv`);
    };
    const exportLeaders = async () => {
      exp.busy = true; exp.error = null;
      try {
        const street = scopeStreet.value ? '' : exp.street;
        await api.download('/exports/leaders', street ? { street } : {}, `${tr('楼门栋长', 'leaders')}-${today()}.csv`);
      } catch (err) { exp.error = err; } finally { exp.busy = false; }
    };

    const importCard = () => html`<div class="card mb-3"><div class="card-body">
      <h2 class="card-title">${tr('导入', 'Import')}</h2>
      <p class="mb-2">${tr('上传 CSV 文件（Excel、WPS 另存为 CSV 即可，UTF-8 或 GBK 编码均可）。首行为表头，列的顺序不限，多余的列忽略。',
        'Upload a CSV file (save as CSV from Excel or WPS; UTF-8 or GBK both work). The first row is the header; columns in any order; extra columns are ignored.')}
        <strong>${tr('全部或全不：只要有一行有误，就不导入任何数据。', 'All or nothing: if any row is wrong, nothing is imported.')}</strong></p>
      <form onSubmit=${upload} novalidate>
        <fieldset class="mb-2"><legend class="form-label fs-6 mb-1">${tr('导入什么', 'What to import')}</legend>
          ${Object.entries(KINDS).map(([k, n]) => html`<div class="form-check form-check-inline">
            <input class="form-check-input" type="radio" name="import-kind" id=${'import-kind-' + k} value=${k} checked=${up.kind === k}
                   data-testid=${'import-kind-' + k} onChange=${() => { up.kind = k; up.result = null; up.bad = null; up.error = null; }} />
            <label class="form-check-label" for=${'import-kind-' + k}>${tr(n.zh, n.en)}</label></div>`)}
        </fieldset>
        <div class="row g-2 align-items-end">
          <div class="col-12 col-md-6">
            <label class="form-label" for="import-file">${tr('CSV 文件', 'CSV file')}</label>
            <input id="import-file" ref=${fileInput} type="file" class="form-control" accept=".csv,text/csv" data-testid="import-file"
                   onChange=${(e) => { up.file = e.target.files[0] || null; up.result = null; up.bad = null; up.error = null; }} />
          </div>
          <div class="col-auto d-flex gap-2">
            <${BusyButton} type="submit" busy=${up.busy} disabled=${!up.file} testid="import-submit">${tr('上传并导入', 'Upload and import')}<//>
            <button type="button" class="btn btn-outline-secondary" onClick=${template}>${tr('下载模板', 'Download a template')}</button>
          </div>
        </div>
      </form>
      ${up.busy || up.progress > 0 ? html`<div class="mt-3">
        <div class="progress" role="progressbar" aria-label=${tr('上传进度', 'Upload progress')} aria-valuemin="0" aria-valuemax="100"
             aria-valuenow=${Math.round(up.progress * 100)} data-testid="import-progress">
          <div class="progress-bar" style=${{ width: Math.round(up.progress * 100) + '%' }}>${Math.round(up.progress * 100)}%</div>
        </div>
        ${up.busy && up.progress >= 1 ? html`<p class="small mt-1 mb-0" role="status">${tr('已上传，正在检查并导入…', 'Uploaded; checking and importing…')}</p>` : null}
      </div>` : null}
      ${up.error ? html`<div class="mt-3"><${ErrorAlert} error=${up.error} /></div>` : null}
      ${up.result ? resultBox() : null}
      ${up.bad ? badBox() : null}
      <details class="mt-3">
        <summary>${tr(`${tr(KINDS[up.kind].zh, KINDS[up.kind].en)}文件的列`, `Columns of a ${KINDS[up.kind].en.toLowerCase()} file`)}</summary>
        <div class="table-responsive mt-2"><table class="table table-sm" data-testid="column-help">
          <caption class="visually-hidden">${tr('列说明', 'Columns')}</caption>
          <thead><tr><th scope="col">${tr('列名', 'Column')}</th><th scope="col">${tr('填写要求', 'Allowed values')}</th></tr></thead>
          <tbody>${COLUMNS[up.kind].map(([c, zh, en]) => html`<tr><th scope="row" class="mono">${c}</th><td>${tr(zh, en)}</td></tr>`)}</tbody>
        </table></div>
        <p class="small mb-0">${tr('街镇管理员只能导入本街镇的行。', 'A street admin may import rows of their own street only.')}</p>
      </details>
    </div></div>`;

    const resultBox = () => {
      const r = up.result;
      const c = r.created || {};
      const k = KINDS[up.fileKind];
      return html`<div class="alert alert-success mt-3" role="status" data-testid="import-result" data-imported=${r.imported}>
        <p class="mb-1 fw-bold">${tr(`导入成功：${fmtNumber(r.imported)} 条${k.zh}。`, `Imported: ${fmtNumber(r.imported)} ${k.en.toLowerCase()}.`)}</p>
        <p class="mb-1">${tr(`同时新建社区 ${c.communities || 0} 个、楼栋 ${c.buildings || 0} 栋、单元 ${c.units || 0} 个。`,
          `Also created: ${c.communities || 0} communities, ${c.buildings || 0} buildings, ${c.units || 0} units.`)}</p>
        <a href=${k.list}>${tr(`查看${k.zh}`, `See the ${k.en.toLowerCase()}`)}</a>
      </div>`;
    };

    const badBox = () => {
      const rows = up.bad.rows;
      return html`<div class="mt-3" data-testid="bad-rows">
        <div class="alert alert-danger" role="alert">
          <p class="mb-1 fw-bold">${tr(`文件有 ${rows.length} 处错误，未导入任何数据。`, `${rows.length} problem(s) in the file; nothing was imported.`)}</p>
          <p class="mb-0">${tr('请按下表在表格软件中修改，再上传整个文件。行号与表格软件中一致（表头为第 1 行）。',
            'Fix them in your spreadsheet and upload the whole file again. Row numbers are as the spreadsheet shows them (the header is row 1).')}</p>
        </div>
        <div class="d-flex align-items-center mb-2">
          <span class="me-auto small">${rows.length > SHOWN ? tr(`仅显示前 ${SHOWN} 处，全部错误请下载`, `First ${SHOWN} shown; download them all`) : ''}</span>
          <button type="button" class="btn btn-outline-primary btn-sm" data-testid="download-bad-rows" onClick=${downloadBad}>${tr('下载错误清单（CSV）', 'Download the problems (CSV)')}</button>
        </div>
        <div class="table-responsive bad-rows" tabindex="0" aria-label=${tr('错误行', 'Bad rows')}><table class="table table-sm table-striped mb-0">
          <caption class="visually-hidden">${tr('错误行', 'Bad rows')}</caption>
          <thead><tr><th scope="col">${tr('行号', 'Row')}</th><th scope="col">${tr('列', 'Column')}</th><th scope="col">${tr('内容', 'Value')}</th><th scope="col">${tr('原因', 'Reason')}</th></tr></thead>
          <tbody>${rows.slice(0, SHOWN).map((r, i) => html`<tr key=${i} data-testid="bad-row">
            <td class="mono">${r.row}</td><td class="mono">${r.column ?? ''}</td><td>${r.value ?? ''}</td><td>${msg(r.message)}</td></tr>`)}</tbody>
        </table></div>
      </div>`;
    };

    const exportCard = () => html`<div class="card mb-3"><div class="card-body">
      <h2 class="card-title">${tr('导出', 'Export')}</h2>
      <p class="mb-2">${tr('楼门栋长名册：每个在任的楼门职务一行，列与导入文件相同；UTF-8（带 BOM）编码，Excel 可直接打开。以 = + - @ 开头的内容前加了单引号，防止被当作公式执行。只导出您管辖范围内的数据，导出会记入审计日志。',
        'The leaders\u2019 register: one row per assignment in force, in the import\u2019s columns; UTF-8 with a BOM, so Excel opens it. Cells beginning with = + - @ get a leading apostrophe so no spreadsheet runs them as formulas. Only what lies in your scope; exports are recorded in the audit log.')}</p>
      <div class="row g-2 align-items-end">
        ${scopeStreet.value ? null : html`<div class="col-12 col-md-4">
          <label class="form-label" for="export-street">${tr('街镇', 'Street / town')}</label>
          <select id="export-street" class="form-select" onChange=${(e) => { exp.street = e.target.value; }}>
            ${options(streets.value.map((s) => ({ value: s.code, label: s.name })), exp.street, tr('全区', 'The whole district'))}
          </select></div>`}
        <div class="col-auto"><${BusyButton} busy=${exp.busy} onClick=${exportLeaders} testid="export-leaders">${tr('下载楼门栋长名册（CSV）', 'Download the leaders (CSV)')}<//></div>
      </div>
      ${exp.error ? html`<div class="mt-3"><${ErrorAlert} error=${exp.error} /></div>` : null}
    </div></div>`;

    return () => html`<div>
      <${PageHeader} title=${tr('导入导出', 'Import / export')} />
      ${importer ? importCard() : html`<div class="alert alert-info" role="note">${tr('名册导入由区、街镇管理员办理；您可以导出本社区的楼门栋长名册。',
        'Imports are done by district and street admins; you may export the leaders of your community.')}</div>`}
      ${exportCard()}
    </div>`;
  },
});
