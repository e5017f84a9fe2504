// The console's only script of its own: what the server cannot do over the circuit.
window.cloudmgmtConsole = {
  // The language switch: <html lang> for screen readers, and a cookie so the next visit starts in it.
  setLanguage(code, cookie) {
    document.documentElement.lang = code;
    document.cookie = `${cookie}=${encodeURIComponent(code)}; path=/; max-age=31536000; samesite=strict` +
      (location.protocol === 'https:' ? '; secure' : '');
  },
  // The circuit is up: the page answers clicks now (browser tests and assistive tools can tell).
  interactive() {
    document.documentElement.dataset.interactive = 'true';
  },
  // CSV downloads: the server hands the text over the circuit; the browser saves it.
  download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  },
};
