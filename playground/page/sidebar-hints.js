// Runs in the sidebar's frame, in the playground only (the playground puts it there with the google.script.run
// bridge): the Library tab's "Library ID" field gets the built-in simulator's demo library IDs, as its placeholder
// and as suggestions. The add-on's own sidebar stays as it is in Google Sheets: it knows nothing of this.
(function installPlaygroundSidebarHints() {
  var info = window.__playgroundInfo;
  if (!info || !info.demoLibraries || info.demoLibraries.length === 0) return;
  var LIST_ID = 'playground-demo-libraries';
  function decorate() {
    var input = document.getElementById('library-id');
    if (!input || input.getAttribute('list') === LIST_ID) return;
    if (!document.getElementById(LIST_ID)) {
      var list = document.createElement('datalist');
      list.id = LIST_ID;
      info.demoLibraries.forEach(function (library) {
        var option = document.createElement('option');
        option.value = library.id;
        option.label = library.name + ' (demo: ' + library.about + ')';
        list.append(option);
      });
      document.body.append(list);
    }
    input.setAttribute('list', LIST_ID);
    input.setAttribute('placeholder', 'Demo: ' + info.demoLibraries[0].id);
  }
  new MutationObserver(decorate).observe(document.documentElement, { childList: true, subtree: true });
})();
