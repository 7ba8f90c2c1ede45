// The import page: sends the file to the API with the session's CSRF token and shows the report as text.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('import-form');
  const report = document.getElementById('import-report');
  if (!form || !report) {
    return;
  }

  const element = (tag, text, className) => {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    if (className) {
      e.className = className;
    }
    return e;
  };

  const table = (id, caption, headers, rows) => {
    const t = element('table');
    t.id = id;
    t.appendChild(element('caption', caption));
    const head = t.createTHead().insertRow();
    headers.forEach((h) => {
      const th = element('th', h);
      th.scope = 'col';
      head.appendChild(th);
    });
    const body = t.createTBody();
    rows.forEach((cells) => {
      const tr = body.insertRow();
      cells.forEach((c) => tr.appendChild(element('td', c)));
    });
    return t;
  };

  const fieldTitles = {
    'touchpoint.channel': 'Канал', 'touchpoint.address': 'Адрес точки', 'touchpoint.name': 'Точка взаимодействия',
    needs: 'Потребности', direction: 'Направление деятельности', process: 'Процесс', header: 'Заголовок таблицы',
  };
  const channelTitles = { DIGITAL: 'цифровая', OFFLINE: 'офлайн' };

  const show = (status, body, dryRun) => {
    report.replaceChildren();
    const errors = Array.isArray(body.errors) ? body.errors : [];
    const duplicates = Array.isArray(body.duplicates) ? body.duplicates : [];
    const warnings = Array.isArray(body.warnings) ? body.warnings : [];
    const rows = Array.isArray(body.rows) ? body.rows : [];
    let summary;
    if (status === 200 && body.dryRun) {
      summary = element('p', 'Проверка пройдена: строк к загрузке — ' + body.readable + '. Ничего не записано; снимите отметку «Только проверить», чтобы загрузить.', 'alert alert-success');
    } else if (status === 200) {
      summary = element('p', 'Загружено строк: ' + body.imported + '.', 'alert alert-success');
      document.getElementById('import-register-link').hidden = false;
    } else {
      summary = element('p', (body.detail || 'Файл не принят (код ' + status + ')') + (dryRun ? ' (проверка)' : ''), 'alert alert-error');
      summary.setAttribute('role', 'alert');
    }
    summary.id = 'import-summary';
    report.appendChild(element('h2', 'Результат'));
    report.appendChild(summary);
    if (errors.length > 0) {
      report.appendChild(table('import-errors', 'Строки с ошибками: ' + errors.length, ['Строка файла', 'Ошибка'],
        errors.map((e) => [e.line ?? e.field ?? '', e.message ?? ''])));
    }
    if (duplicates.length > 0) {
      report.appendChild(table('import-duplicates', 'Повторы точки взаимодействия в одном процессе: ' + duplicates.length,
        ['Процесс', 'Точка взаимодействия', 'Строки файла'],
        duplicates.map((d) => [d.process ?? '', d.touchpoint ?? '', (d.rows || []).join(', ')])));
    }
    if (warnings.length > 0) {
      report.appendChild(element('p', 'Ниже перечислено всё, что не сказано в файле прямо и выведено из текста ячеек: '
        + 'прочитайте это до загрузки.', 'alert alert-warning'));
      report.appendChild(table('import-warnings', 'Выведено из текста: ' + warnings.length, ['Строка файла', 'Поле', 'Что выведено'],
        warnings.map((w) => [w.line ?? '', fieldTitles[w.field] ?? w.field ?? '', w.message ?? ''])));
    }
    if (rows.length > 0) {
      report.appendChild(table('import-rows', 'Строки так, как они будут записаны: ' + rows.length,
        ['Строка файла', 'Направление деятельности', 'Процесс', 'Точка взаимодействия', 'Канал', 'Адрес', 'Потребности',
          'Взаимодействие', 'Особенности'],
        rows.map((r) => [r.line ?? '', r.direction ?? '', r.process ?? '', (r.touchpoint || {}).name ?? '',
          channelTitles[(r.touchpoint || {}).channel] ?? '', (r.touchpoint || {}).address ?? '',
          (r.needs || []).join(', ') + (r.otherNeed ? ' (другие: ' + r.otherNeed + ')' : ''), r.interaction ?? '',
          r.features ?? ''])));
    }
    report.hidden = false;
    report.focus();
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    const dryRun = form.querySelector('#dryRun').checked;
    const data = new FormData(form);
    data.delete('dryRun');
    const token = form.querySelector('input[name=_csrf]');
    const headers = { Accept: 'application/json' };
    if (token) {
      headers['X-CSRF-TOKEN'] = token.value;
    }
    button.disabled = true;
    report.hidden = false;
    report.replaceChildren(element('p', dryRun ? 'Файл проверяется…' : 'Файл загружается…'));
    try {
      const response = await fetch(form.action + '?dryRun=' + dryRun, {
        method: 'POST', body: data, headers, credentials: 'same-origin',
      });
      const body = await response.json().catch(() => ({}));
      show(response.status, body, dryRun);
    } catch (e) {
      show(0, { detail: 'Не удалось отправить файл: проверьте соединение' }, dryRun);
    } finally {
      button.disabled = false;
    }
  });
});
