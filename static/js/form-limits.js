// Forms that post text say how much they can send, and refuse to send more: the server
// would refuse it whole (DATA_UPLOAD_MAX_MEMORY_SIZE) and the typed text would be lost.
// The sentences come translated from the page (templates/includes/form_limits.html: data-*
// attributes of the meta element); the English ones below serve a page without them.
(function () {
  var meta = document.querySelector('meta[name="agendum-max-form-bytes"]');
  var limit = meta ? parseInt(meta.content, 10) : 0;
  if (!limit) return;

  var ENGLISH = {
    hint: 'A form can send at most %(limit)s of text.',
    tooMuch: 'This form holds %(size)s of text; at most %(limit)s can be sent at once. ' +
      'Nothing was sent and your text is still here: shorten it, or split it into an ' +
      'addendum or an attached file.',
    mb: '%(n)s MB',
    kb: '%(n)s KB',
    bytes: '%(n)s bytes'
  };

  function said(name) {
    return meta.dataset[name] || ENGLISH[name];
  }

  function fill(sentence, values) {
    return sentence.replace(/%\((\w+)\)s/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : whole;
    });
  }

  var oneDecimal;
  try {
    oneDecimal = new Intl.NumberFormat(document.documentElement.lang || undefined,
      {minimumFractionDigits: 1, maximumFractionDigits: 1});
  } catch (e) {
    oneDecimal = {format: function (n) { return n.toFixed(1); }};
  }

  function human(bytes) {
    if (bytes >= 1048576) return fill(said('mb'), {n: oneDecimal.format(bytes / 1048576)});
    if (bytes >= 1024) return fill(said('kb'), {n: oneDecimal.format(bytes / 1024)});
    return fill(said('bytes'), {n: String(bytes)});
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
      hint.textContent = fill(said('hint'), {limit: human(limit)});
      area.insertAdjacentElement('afterend', hint);
    });
    form.addEventListener('submit', function (event) {
      var size = textBytes(form);
      if (size <= limit) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      warn(form, fill(said('tooMuch'), {size: human(size), limit: human(limit)}));
    }, true);
  });
})();
