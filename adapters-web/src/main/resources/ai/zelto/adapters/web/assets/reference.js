// The API reference: Swagger UI (from its WebJar, served by this server) rendering /openapi.json. Its validator
// badge is off (it would send the document to validator.swagger.io), and nothing is kept in the browser's storage:
// a pasted key lives as long as the page. Deep links are off: Swagger UI puts their anchor inside each operation's
// button, which screen readers cannot use. Its dark mode follows the system's, like the rest of the console.
(() => {
  const root = document.getElementById('reference');
  if (!root || typeof window.SwaggerUIBundle !== 'function') return;
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const follow = () => document.documentElement.classList.toggle('dark-mode', dark.matches);
  follow();
  dark.addEventListener('change', follow);
  window.SwaggerUIBundle({
    url: root.dataset.document,
    domNode: root,
    deepLinking: false,
    validatorUrl: null,
    persistAuthorization: false,
    tryItOutEnabled: false,
    displayRequestDuration: true,
    defaultModelsExpandDepth: 0,
    docExpansion: 'list',
    filter: true,
    syntaxHighlight: { activated: true, theme: 'agate' },
  });
})();
