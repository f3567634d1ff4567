// 志愿服务时长证明 — the print page of a member's certificate for a year. Opened from the ranking in the console
// (same tab, so the signed-in token in sessionStorage is at hand; it never goes in the address). The address says
// which certificate: #street=…&member=…&year=… (ids, no personal data).
const KEY = 'loumen.token';
const $ = (id) => document.getElementById(id);

function cnDate(d) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d || '');
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : (d || '');
}

async function get(path) {
  const token = sessionStorage.getItem(KEY);
  const res = await fetch('/api/v1' + path, { headers: token ? { Authorization: 'Bearer ' + token } : {} });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const msg = body && body.message ? body.message : `HTTP ${res.status}`;
    throw new Error(msg);
  }
  return body;
}

async function show() {
  const q = new URLSearchParams(location.hash.replace(/^#/, ''));
  const street = q.get('street') || '';
  const member = q.get('member') || '';
  const year = q.get('year') || '';
  if (!/^\d{9}$/.test(street) || !/^\d+$/.test(member) || !/^\d{4}$/.test(year)) {
    throw new Error('地址不完整 / the address names no certificate');
  }
  const c = await get(`/streets/${street}/programmes/volunteer-brands/members/${member}/certificate?year=${year}`);
  const streets = await get('/public/streets').catch(() => []);
  const communities = await get(`/public/streets/${street}/communities`).catch(() => []);
  const streetName = (streets.find((s) => s.code === street) || {}).name || '';
  const communityName = (communities.find((s) => s.code === c.community) || {}).name || '';
  $('number').textContent = c.number;
  $('name').textContent = c.name || '';
  $('volunteerNo').textContent = c.volunteerNo;
  $('period').textContent = c.firstDay === c.lastDay ? cnDate(c.firstDay) : `${cnDate(c.firstDay)}至${cnDate(c.lastDay)}`;
  $('place').textContent = `${streetName}${communityName}`;
  $('brand').textContent = c.brandName;
  $('days').textContent = String(c.days);
  $('activities').textContent = c.activities ? `、服务活动 ${c.activities} 次` : '';
  $('hours').textContent = String(c.hours);
  $('issuer').textContent = `${streetName}${communityName}「${c.brandName}」`;
  $('issued').textContent = cnDate(c.issuedOn);
  document.title = `志愿服务时长证明 ${c.number}`;
}

$('back').addEventListener('click', () => { if (history.length > 1) history.back(); else location.href = '/'; });
$('print').addEventListener('click', () => window.print());
show().then(() => {
  $('status').hidden = true;
  $('sheet').hidden = false;
  $('print').disabled = false;
  $('sheets').dataset.ready = 'true';
}).catch((e) => {
  $('status').textContent = '出错了：' + e.message;
  $('status').classList.add('error');
  $('status').setAttribute('role', 'alert');
});
