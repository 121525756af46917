/**
 * The frame of portal/public/index.html that the pages write into (the same ids: search box,
 * signed-in box, notices, main), for unit tests in a DOM emulation. `show` puts a page's content
 * in place as the router does, so a test asks the document what a reader would see.
 */
export function showPortalFrame(): {
  app: HTMLElement;
  notices: HTMLElement;
  show(content: readonly HTMLElement[]): HTMLElement;
} {
  document.body.innerHTML = `
    <header class="top">
      <form class="search" id="search-form" role="search"><input id="search-input" name="q" type="search" /></form>
      <div class="session" id="session"></div>
    </header>
    <div id="notices" role="status" aria-live="polite"></div>
    <main id="app" data-state="loading"></main>`;
  const app = document.getElementById('app')!;
  return {
    app,
    notices: document.getElementById('notices')!,
    show(content) {
      app.replaceChildren(...content);
      return app;
    },
  };
}
