// Forms that post text say how much they can send, and refuse to send more: the server
// would refuse it whole (DATA_UPLOAD_MAX_MEMORY_SIZE) and the typed text would be lost.
(function () {
  var meta = document.querySelector('meta[name="agendum-max-form-bytes"]');
  var limit = meta ? parseInt(meta.content, 10) : 0;
  if (!limit) return;

  function human(bytes) {
    if (bytes >= 1048576) return (bytes / 1048576).toFixed(1) + ' MB';
    if (bytes >= 1024) return (bytes / 1024).toFixed(1) + ' KB';
    return bytes + ' bytes';
  }

  function textBytes(form) {
    var size = 0;
    new FormData(form).forEach(function (value, key) {
      if (typeof value !== 'string') return;  // uploaded files have their own limit
      size += new Blob([encodeURIComponent(key) + '=' + encodeURIComponent(value) + '&']).size;
    });
    return size;
  }

  function warn(form, message) {
    var box = form.querySelector('.form-limit-error');
    if (!box) {
      box = document.createElement('div');
      box.className = 'alert alert-danger form-limit-error';
      box.setAttribute('role', 'alert');
      box.setAttribute('data-testid', 'form-limit-error');
      form.prepend(box);
    }
    box.textContent = message;
    box.scrollIntoView({block: 'center'});
  }

  document.querySelectorAll('form[method="post"], form[method="POST"]').forEach(function (form) {
    form.querySelectorAll('textarea').forEach(function (area) {
      var hint = document.createElement('div');
      hint.className = 'form-text';
      hint.textContent = 'A form can send at most ' + human(limit) + ' of text.';
      area.insertAdjacentElement('afterend', hint);
    });
    form.addEventListener('submit', function (event) {
      var size = textBytes(form);
      if (size <= limit) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      warn(form, 'This form holds ' + human(size) + ' of text; at most ' + human(limit) +
        ' can be sent at once. Nothing was sent and your text is still here: shorten it, ' +
        'or split it into an addendum or an attached file.');
    }, true);
  });
})();
