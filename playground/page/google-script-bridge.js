// google.script.run and google.script.host for a sidebar served outside Apps Script. Each call goes to
// window.__gasCall(name, args) -> Promise<{ok, value} | {ok: false, message}>, provided by the page's host
// (the playground's HTTP bridge, or a test). Arguments pass through JSON, as google.script.run passes plain data.
// "The google.script.run API allows 10 concurrent calls to server functions. If you make an 11th call while 10 are
// still running, the server function will be delayed until one of the 10 spots is freed."
// (https://developers.google.com/apps-script/guides/html/communication): an 11th call waits here too.
(function installGoogleScriptBridge() {
  var CALLS_AT_ONCE = 10;
  var running = 0;
  var waiting = [];
  function next() {
    while (running < CALLS_AT_ONCE && waiting.length > 0) {
      running++;
      var call = waiting.shift();
      Promise.resolve()
        .then(call)
        .catch(function () {})
        .then(function () {
          running--;
          next();
        });
    }
  }
  function whenASpotIsFree(call) {
    waiting.push(call);
    next();
  }
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
            // The spot is freed when the server answers, before the handler runs (a handler may call again).
            let answered;
            const reply = new Promise((resolve) => (answered = resolve));
            whenASpotIsFree(() => {
              const call = Promise.resolve(window.__gasCall(String(name), plain));
              answered(call);
              return call;
            });
            reply.then(
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
