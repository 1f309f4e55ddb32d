// Next runs this once, before React hydrates the first page. On a show page the
// viewer's receive side starts here (app/_lib/viewer-boot.ts), loaded as its own
// chunk so no other page carries it and the show page's first load grows by only
// these lines.
if (/^\/shows\/[^/]+\/?$/.test(location.pathname)) void import('./app/_lib/viewer-boot');
