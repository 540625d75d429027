// The "Defer to" select matters only for a deferral: show it when "Defer" is chosen.
(function () {
  function sync(form) {
    var chosen = form.querySelector('input[type=radio][value=defer]');
    var target = form.querySelector('.defer-target');
    if (!chosen || !target) return;
    target.hidden = !chosen.checked;
  }
  document.querySelectorAll('form.decision-form').forEach(function (form) {
    sync(form);
    form.addEventListener('change', function () { sync(form); });
  });
})();
