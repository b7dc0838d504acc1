// "Record a share": shows only the parts this share needs. Each part says when it applies in its
// label, so without JavaScript every part shows and the server still asks only for what is needed;
// with it, parts marked data-show-channel, data-show-direction or data-hide-urgency follow the
// choices above them. A part holding an error message always shows, so nothing asked is hidden.
const form = document.getElementById('share-form');

function chosen(name) {
  const field = form.elements.namedItem(name);
  if (!field) {
    return '';
  }
  if (field instanceof RadioNodeList) {
    return field.value;
  }
  return field.value || '';
}

function applies(part) {
  const channel = part.dataset.showChannel;
  const direction = part.dataset.showDirection;
  const urgency = part.dataset.hideUrgency;
  return (!channel || channel.split(' ').includes(chosen('channel')))
    && (!direction || direction.split(' ').includes(chosen('direction')))
    && (!urgency || !urgency.split(' ').includes(chosen('urgency')));
}

function update() {
  form.querySelectorAll('[data-show-channel], [data-show-direction], [data-hide-urgency]').forEach((part) => {
    part.hidden = !applies(part) && !part.querySelector('.govuk-form-group--error');
  });
  // one primary button: "Save and continue" steps back when the telephone's one-step share shows
  const share = document.getElementById('share');
  const save = document.getElementById('save');
  if (share && save) {
    save.classList.toggle('govuk-button--secondary', !share.hidden);
  }
}

if (form) {
  form.addEventListener('change', update);
  update();
}

// The directory drop-down becomes a type-ahead (GOV.UK's accessible-autocomplete, vendored under
// /vendor): type part of the organisation or the contact's name and pick a suggestion, or click to
// see them all. The hidden <select> still carries the choice, so the server, "Use this contact" and
// the form without JavaScript are unchanged.
function escapeHtml(text) {
  const span = document.createElement('span');
  span.textContent = text;
  return span.innerHTML;
}

function enhanceDirectory() {
  const select = document.getElementById('recipientEntry');
  const autocomplete = window.accessibleAutocomplete;
  if (!select || !autocomplete) {
    return;
  }
  const options = Array.from(select.options);
  // The page's words (i18n/sharing*.properties): the library's own status messages are English,
  // so a Welsh page gives them too, with {0}, {1}, {2} for the numbers and the option.
  const said = select.dataset;
  const fill = (text, ...values) => values.reduce((t, v, i) => t.replace(`{${i}}`, v), text);
  const welsh = said.assistiveHint ? {
    tAssistiveHint: () => said.assistiveHint,
    tStatusNoResults: () => said.statusNoResults,
    tStatusQueryTooShort: (minLength) => fill(said.statusQueryTooShort, minLength),
    tStatusSelectedOption: (option, length, index) => fill(said.statusSelected, option, index + 1, length),
    tStatusResults: (length, selected) => fill(said.statusResults, length, selected),
  } : {};
  autocomplete.enhanceSelectElement({
    selectElement: select,
    defaultValue: '',
    // all of the directory on a click, like the drop-down it replaces
    showAllValues: true,
    // never a silent pick: clicking in and away, or a half-typed name, chooses nothing
    autoselect: false,
    // the library puts suggestions in as HTML: directory names are text
    templates: { inputValue: (value) => value || '', suggestion: (value) => escapeHtml(value || '') },
    onConfirm: (chosen) => {
      // nothing chosen: keep what the field shows only if it is an entry, else "not in the directory"
      const shown = chosen || document.getElementById('recipientEntry').value;
      const option = options.find((o) => o.value && o.textContent === shown);
      select.value = option ? option.value : '';
    },
    tNoResults: () => said.noResults || 'Not in your directory: type the details below',
    ...welsh,
  });
}

enhanceDirectory();
