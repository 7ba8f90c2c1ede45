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
});
