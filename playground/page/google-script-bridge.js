// google.script.run and google.script.host for a sidebar served outside Apps Script. Each call goes to
// window.__gasCall(name, args) -> Promise<{ok, value} | {ok: false, message}>, provided by the page's host
// (the playground's HTTP bridge, or a test). Arguments pass through JSON, as google.script.run passes plain data.
(function installGoogleScriptBridge() {
  function runner(onSuccess, onFailure, userObject) {
    return new Proxy(
      {},
      {
        get(_target, name) {
          if (name === 'withSuccessHandler') return (fn) => runner(fn, onFailure, userObject);
          if (name === 'withFailureHandler') return (fn) => runner(onSuccess, fn, userObject);
          if (name === 'withUserObject') return (obj) => runner(onSuccess, onFailure, obj);
          return (...args) => {
            const plain = JSON.parse(JSON.stringify(args));
            Promise.resolve(window.__gasCall(String(name), plain)).then(
              (answer) => {
                if (answer && answer.ok) {
                  if (onSuccess) onSuccess(answer.value, userObject);
                } else if (onFailure) onFailure(new Error(answer ? answer.message : 'No answer'), userObject);
              },
              (error) => onFailure && onFailure(new Error(String(error && error.message)), userObject),
            );
          };
        },
      },
    );
  }
  window.google = {
    script: {
      run: runner(null, null, undefined),
      host: {
        close() {
          window.__sidebarClosed = true;
          if (window.__gasHostClose) window.__gasHostClose();
        },
      },
    },
  };
})();
