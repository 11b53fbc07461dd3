// akashi serve: reloads the page when the site is rebuilt, and shows the findings that block a
// rebuild over the page (the last good version stays visible underneath).
(() => {
  const script = document.currentScript;
  const title = script ? script.dataset.overlayTitle : "";
  const events = new EventSource("/__akashi/events");
  events.addEventListener("reload", () => location.reload());
  events.addEventListener("findings", (event) => {
    const findings = JSON.parse(event.data);
    let overlay = document.getElementById("akashi-overlay");
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "akashi-overlay";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;background:#fff6e0;color:#1b1f24;border-top:3px solid #a86b00;padding:1rem;font:14px/1.5 system-ui,sans-serif;z-index:2147483647";
      document.body.appendChild(overlay);
    }
    overlay.replaceChildren();
    const heading = document.createElement("strong");
    heading.textContent = title;
    overlay.appendChild(heading);
    const list = document.createElement("ul");
    for (const f of findings) {
      const item = document.createElement("li");
      const where = f.file ? `${f.file}:${f.line}:${f.column} ` : "";
      item.textContent = `${where}${f.rule ? "[" + f.rule + "] " : ""}${f.message}`;
      list.appendChild(item);
    }
    overlay.appendChild(list);
  });
})();
