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
