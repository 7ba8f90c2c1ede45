// Forms that lose nothing when the session ends (form[data-draft]): what is typed is kept in this tab's
// sessionStorage while typing. A form sent after the session ended comes back here after sign-in (the server
// sends the person to /login?expired and then back to this page), and the draft is put back with a notice.
// A draft is forgotten once its form was sent and a page without the sign-in form follows (the form went through).
(() => {
  const PREFIX = 'register-draft:';
  const storage = (() => {
    try {
      const s = window.sessionStorage;
      s.setItem(PREFIX + 'probe', '1');
      s.removeItem(PREFIX + 'probe');
      return s;
    } catch (e) {
      return null;
    }
  })();
  if (!storage) return;

  const keyOf = (form) => PREFIX + window.location.pathname + '#' + form.dataset.draft;
  const kept = (field) => field.name && !field.disabled && field.name !== '_csrf'
    && !['hidden', 'password', 'submit', 'button', 'file'].includes(field.type);

  const read = (form) => {
    const values = {};
    Array.from(form.elements).filter(kept).forEach((field) => {
      if (field.type === 'checkbox' || field.type === 'radio') {
        values[field.name] = values[field.name] || [];
        if (field.checked) values[field.name].push(field.value);
      } else {
        values[field.name] = field.value;
      }
    });
    return values;
  };

  const write = (form, values) => {
    let changed = false;
    Array.from(form.elements).filter(kept).forEach((field) => {
      if (!(field.name in values)) return;
      const value = values[field.name];
      if (field.type === 'checkbox' || field.type === 'radio') {
        const checked = Array.isArray(value) && value.includes(field.value);
        if (field.checked !== checked) { field.checked = checked; changed = true; }
      } else if (field.value !== value) {
        if (field.tagName === 'SELECT' && !Array.from(field.options).some((o) => o.value === value)) return;
        field.value = value;
        changed = true;
        field.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
    return changed;
  };

  const onLoginPage = () => document.getElementById('login-submit') !== null;

  document.addEventListener('DOMContentLoaded', () => {
    const forms = Array.from(document.querySelectorAll('form[data-draft]'));
    const here = new Set(forms.map(keyOf));

    // drafts whose form was sent, now that a page other than sign-in and other than the form is shown: it went through
    if (!onLoginPage()) {
      for (let i = storage.length - 1; i >= 0; i--) {
        const key = storage.key(i);
        if (key && key.startsWith(PREFIX) && !here.has(key)) {
          try {
            if (JSON.parse(storage.getItem(key)).sent) storage.removeItem(key);
          } catch (e) {
            storage.removeItem(key);
          }
        }
      }
    }

    forms.forEach((form) => {
      const key = keyOf(form);
      const saved = storage.getItem(key);
      if (saved) {
        try {
          const draft = JSON.parse(saved);
          if (draft.sent && write(form, draft.values)) {
            const notice = document.createElement('p');
            notice.className = 'alert alert-info draft-restored';
            notice.setAttribute('role', 'status');
            notice.textContent = 'Восстановлено то, что вы ввели до окончания сеанса. Проверьте и отправьте форму снова.';
            form.parentNode.insertBefore(notice, form);
          }
        } catch (e) {
          storage.removeItem(key);
        }
      }
      const save = (sent) => storage.setItem(key, JSON.stringify({ sent, values: read(form) }));
      form.addEventListener('input', () => save(false));
      form.addEventListener('change', () => save(false));
      form.addEventListener('submit', () => save(true));
    });
  });
})();
