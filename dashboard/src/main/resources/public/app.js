// Fills the page from the app's own JSON API; text only (textContent), never HTML from data.
'use strict';

const numberFormat = new Intl.NumberFormat('vi-VN');

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  row.appendChild(td);
}

function setStatus(id, state, text) {
  const el = document.getElementById(id);
  el.dataset.state = state;
  el.textContent = text;
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  return { status: response.status, body };
}

async function showSnapshot() {
  try {
    const { status, body } = await getJson('/health');
    if (status === 503 && body.status === 'no_data') {
      setStatus('snapshot-status', 'no-data',
        'Chưa có dữ liệu: kho chưa được nạp lần nào. Hãy chạy lệnh nạp dữ liệu (bin/danvan load).');
      return;
    }
    if (status !== 200) {
      setStatus('snapshot-status', 'error', 'Không kiểm tra được dữ liệu: ' + (body.error || status));
      return;
    }
    setStatus('snapshot-status', 'ok', 'Đang phục vụ bộ dữ liệu mới nhất đã công bố.');
    document.getElementById('snapshot-id').textContent = body.snapshot;
    document.getElementById('snapshot-loaded-at').textContent = body.loaded_at
      ? new Date(body.loaded_at).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })
      : 'không rõ';
    document.getElementById('snapshot-details').hidden = false;
    const tbody = document.querySelector('#table-counts tbody');
    tbody.replaceChildren();
    for (const [table, rows] of Object.entries(body.tables || {})) {
      const tr = document.createElement('tr');
      cell(tr, table);
      cell(tr, numberFormat.format(rows), 'num');
      tbody.appendChild(tr);
    }
    document.getElementById('table-counts').hidden = false;
  } catch (e) {
    setStatus('snapshot-status', 'error', 'Không kết nối được máy chủ: ' + e.message);
  }
}

async function showIndicators() {
  try {
    const { status, body } = await getJson('/api/indicators');
    if (status !== 200) {
      setStatus('indicators-status', 'error', 'Không tải được danh mục chỉ tiêu: ' + (body.error || status));
      return;
    }
    const tbody = document.querySelector('#indicator-table tbody');
    tbody.replaceChildren();
    for (const indicator of body) {
      const tr = document.createElement('tr');
      tr.dataset.code = indicator.code;
      cell(tr, indicator.code, 'code');
      cell(tr, indicator.name_vi);
      cell(tr, indicator.unit);
      tbody.appendChild(tr);
    }
    setStatus('indicators-status', 'ok', body.length + ' chỉ tiêu');
    document.getElementById('indicator-table').hidden = false;
  } catch (e) {
    setStatus('indicators-status', 'error', 'Không kết nối được máy chủ: ' + e.message);
  }
}

showSnapshot();
showIndicators();
