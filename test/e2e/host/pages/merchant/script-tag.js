// No React, no modules: the DOM events of the declarative button land in window.log.
window.log = [];
for (const type of ['lava:success', 'lava:cancel', 'lava:error', 'lava:event']) {
  document.addEventListener(type, (event) => window.log.push([type, event.target.id, event.detail]));
}
document.addEventListener('securitypolicyviolation', (event) => {
  window.log.push(['csp', event.violatedDirective]);
});
