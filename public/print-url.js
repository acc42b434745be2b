// A printed page says where it came from: the stamp at the top of each printed page names the
// page by its path from the site root; with JavaScript, by its full address.
window.addEventListener('DOMContentLoaded', () => {
  for (const span of document.querySelectorAll('[data-print-url]')) span.textContent = window.location.href;
});
