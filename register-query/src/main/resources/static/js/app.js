// Small progressive enhancements; every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // Tables whose column headers sort the rows on click or Enter (data-sortable on the table).
  document.querySelectorAll('table[data-sortable]').forEach((table) => {
    table.querySelectorAll('th[data-sort]').forEach((th, index) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.textContent = th.textContent;
      th.textContent = '';
      th.appendChild(button);
      button.addEventListener('click', () => {
        const body = table.tBodies[0];
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        table.querySelectorAll('th[aria-sort]').forEach((h) => h.removeAttribute('aria-sort'));
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const column = Array.from(th.parentNode.children).indexOf(th);
        const numeric = th.dataset.sort === 'number';
        const rows = Array.from(body.rows);
        rows.sort((a, b) => {
          const x = a.cells[column].dataset.value ?? a.cells[column].textContent.trim();
          const y = b.cells[column].dataset.value ?? b.cells[column].textContent.trim();
          const order = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'ru');
          return ascending ? order : -order;
        });
        rows.forEach((row) => body.appendChild(row));
      });
    });
  });

  // The proposal form: an existing process fixes the direction (the register refuses another one); a new process
  // leaves the choice to the person.
  const processSelect = document.getElementById('process');
  const directionSelect = document.getElementById('direction');
  const directionFixed = document.getElementById('direction-fixed');
  if (processSelect && directionSelect && directionFixed) {
    const follow = () => {
      const option = processSelect.options[processSelect.selectedIndex];
      const direction = option ? option.dataset.direction : '';
      if (direction) {
        if (!Array.from(directionSelect.options).some((o) => o.value === direction)) {
          directionSelect.add(new Option(direction, direction));
        }
        directionSelect.value = direction;
        directionFixed.textContent = 'Направление определено выбранным процессом: ' + direction + '.';
        directionFixed.hidden = false;
      } else {
        directionFixed.hidden = true;
      }
    };
    processSelect.addEventListener('change', follow);
    if (processSelect.value) follow();
  }

  // The proposal form: warns while typing that the touchpoint is already in the process (one touchpoint per process).
  const changeForm = document.getElementById('change-form');
  const warning = document.getElementById('touchpoint-warning');
  if (changeForm && changeForm.dataset.touchpointCheck && warning) {
    const field = (name) => changeForm.elements.namedItem(name);
    let timer = null;
    let asked = 0;
    const check = () => {
      const process = field('process') && field('process').value === '__new'
        ? (field('newProcess') ? field('newProcess').value : '')
        : (field('process') ? field('process').value : '');
      const name = field('touchpointName') ? field('touchpointName').value : '';
      if (!process.trim() || !name.trim()) {
        warning.hidden = true;
        return;
      }
      const query = new URLSearchParams({
        process, name,
        address: field('touchpointAddress') ? field('touchpointAddress').value : '',
        rowId: field('kind').value === 'ADD' || !field('rowId') ? '' : field('rowId').value,
        changeId: field('changeId') ? field('changeId').value : '',
      });
      const ticket = ++asked;
      fetch(changeForm.dataset.touchpointCheck + '?' + query, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then((response) => (response.ok ? response.json() : { duplicate: false }))
        .then((answer) => {
          if (ticket !== asked) return; // an older answer
          warning.textContent = answer.duplicate ? answer.message : '';
          warning.hidden = !answer.duplicate;
        })
        .catch(() => { warning.hidden = true; });
    };
    const later = () => { clearTimeout(timer); timer = setTimeout(check, 300); };
    ['process', 'newProcess', 'touchpointName', 'touchpointAddress'].forEach((name) => {
      const input = field(name);
      if (input) {
        input.addEventListener('input', later);
        input.addEventListener('change', later);
      }
    });
    check();
  }

  // A register filter at thousands of registers: a search field whose list holds the registers matching what is typed
  // (RegisterPicker); the server suggests them, a few at a time.
  document.querySelectorAll('input[data-register-suggestions]').forEach((field) => {
    const list = document.getElementById(field.getAttribute('list'));
    let timer = null;
    let asked = field.value;
    field.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const q = field.value.trim();
        if (q === asked) {
          return;
        }
        asked = q;
        fetch(field.dataset.registerSuggestions + '?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
          .then((response) => (response.ok ? response.json() : []))
          .then((registers) => {
            if (asked !== q) {
              return; // a later request is on its way
            }
            list.replaceChildren(...registers.map((r) => {
              const option = document.createElement('option');
              option.value = r.id;
              option.textContent = r.authority;
              return option;
            }));
          })
          .catch(() => {});
      }, 150);
    });
  });
});
