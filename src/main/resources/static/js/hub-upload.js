// The secure hub's "Add a file": sends the chosen file as the raw body of a PUT, with the CSRF token
// in a header, so the server encrypts it as it arrives and no multipart part is ever spooled to disk
// unencrypted. Without JavaScript the form still posts small files (up to 1 MB, kept in memory).
const form = document.querySelector('form[data-hub-upload]');
if (form) {
  form.addEventListener('submit', (event) => {
    const input = form.querySelector('input[type=file]');
    if (!input || input.files.length === 0) {
      return; // the server answers "Choose a file to add"
    }
    event.preventDefault();
    const file = input.files[0];
    const header = document.querySelector('meta[name="caseshare-csrf-header"]').content;
    const token = document.querySelector('meta[name="caseshare-csrf-token"]').content;
    const status = form.querySelector('[data-upload-status]');
    const button = form.querySelector('button[type=submit]');
    const fail = (message) => {
      status.textContent = message;
      status.classList.add('govuk-error-message');
      button.disabled = false;
    };
    button.disabled = true;
    status.classList.remove('govuk-error-message');
    status.textContent = 'Encrypting and uploading…';
    const request = new XMLHttpRequest();
    request.open('PUT', form.dataset.hubUpload + '?name=' + encodeURIComponent(file.name));
    request.setRequestHeader(header, token);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        status.textContent = 'Encrypting and uploading: ' + Math.floor((100 * e.loaded) / e.total) + '%';
      }
    });
    request.addEventListener('load', () => {
      if (request.status === 201) {
        window.location.assign(form.dataset.hubDone);
      } else if (request.status === 413) {
        fail('The file is larger than the hub accepts.');
      } else {
        fail('The file could not be added. Try again, or sign in again if your session ended.');
      }
    });
    request.addEventListener('error', () => fail('The upload was interrupted. Try again.'));
    request.send(file);
  });
}
