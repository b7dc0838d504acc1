// "Print this page" links: <a href="#" data-module="print-link">. Kept in a file because the
// content security policy allows no inline script.
export function initPrintLinks(root = document) {
  root.querySelectorAll('[data-module="print-link"]').forEach((link) => {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      window.print();
    });
  });
}
