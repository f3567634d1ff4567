// The API browser: Swagger UI over GET /api/v1/openapi.json, for signed-in staff. The token is the console's own
// (sessionStorage of this tab, never in a URL); the document route itself checks who may read it.
const KEY = 'loumen.token';
const status = document.getElementById('api-docs-status');
const token = sessionStorage.getItem(KEY);

function say(zh, en) { status.textContent = `${zh} / ${en}`; }

async function start() {
  if (!token) {
    say('请先在工作平台登录，再打开接口文档', 'Sign in to the console first, then open the API documentation');
    return;
  }
  const resp = await fetch('/api/v1/openapi.json', { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
  if (resp.status === 401) { say('登录已失效，请重新登录', 'Your sign-in has expired; sign in again'); return; }
  if (resp.status === 403) { say('接口文档仅供工作人员查看', 'The API documentation is for staff only'); return; }
  if (!resp.ok) { say(`无法加载接口文档（${resp.status}）`, `Could not load the API document (${resp.status})`); return; }
  const spec = await resp.json();
  status.textContent = '';
  window.SwaggerUIBundle({
    spec,
    dom_id: '#swagger',
    deepLinking: false,
    // The route groups (one per bundle) start closed, and staff open the one they need. Swagger UI 5.3x renders a
    // list of 150 or more rows (groups plus the operations of open groups) virtually: only the rows near the window
    // are in the page, so all ~300 operations open at once showed five and the rest only on scrolling, and the
    // browser's own find (Ctrl+F) could not reach them. Closed groups keep the list short and whole.
    docExpansion: 'none',
    // a box that narrows the groups by name (e.g. "workflow", "mediation")
    filter: true,
    // "Try it out" calls the API as the signed-in user
    requestInterceptor: (req) => { req.headers.Authorization = `Bearer ${token}`; return req; },
  });
}

start().catch(() => say('无法加载接口文档', 'Could not load the API document'));
