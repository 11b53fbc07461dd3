// Evidence badges: a tap or click on a badge shows, in place, what its level means (and a tap
// again hides it). The badge is a button that says its level in words; the explanation is the
// element its aria-controls names, hidden until asked for. Escape closes the open one.
function show(badge, open) {
  const note = document.getElementById(badge.getAttribute("aria-controls"));
  if (!note) return;
  badge.setAttribute("aria-expanded", String(open));
  note.hidden = !open;
}
document.addEventListener("click", (event) => {
  const badge = event.target.closest?.(".evidence-badge[aria-controls]");
  if (badge) show(badge, badge.getAttribute("aria-expanded") !== "true");
});
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  const badge = event.target.closest?.(".claim-tag")?.querySelector('.evidence-badge[aria-expanded="true"]');
  if (!badge) return;
  show(badge, false);
  badge.focus();
});
