// Loaded as a module from this origin: no inline script is allowed by the content security policy.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';
import { initPrintLinks } from '/js/print-link.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
initPrintLinks();
