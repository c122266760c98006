// The caller screen: a "Clear" link under each choose-one question, so a wrong tap can be undone.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-clear]");
  if (!button) return;
  const form = button.closest("form");
  form.querySelectorAll(`input[name="${button.dataset.clear}"]`).forEach((input) => { input.checked = false; });
});
