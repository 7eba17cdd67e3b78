// Builds the sidebar (src/client) with esbuild and emits ONE self-contained Sidebar.html:
// HtmlService serves a single file, so the script and stylesheet are inlined, never linked.
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

/** Text inlined inside <script> or <style> must not close the element early. */
function escapeClosingTag(code, tag) {
  return code.replace(new RegExp(`</${tag}`, 'gi'), `<\\/${tag}`);
}

async function renderSidebarHtml({ clientDir, version }) {
  const common = {
    bundle: true,
    write: false,
    minify: true,
    target: 'es2020',
    logLevel: 'silent',
    legalComments: 'none',
  };
  const js = await esbuild.build({
    ...common,
    entryPoints: [path.join(clientDir, 'sidebar.ts')],
    format: 'iife',
    tsconfig: path.join(clientDir, 'tsconfig.json'),
    define: { __APP_VERSION__: JSON.stringify(version) },
  });
  const css = await esbuild.build({ ...common, entryPoints: [path.join(clientDir, 'sidebar.css')] });
  const template = fs.readFileSync(path.join(clientDir, 'sidebar.html'), 'utf8');
  const script = escapeClosingTag(js.outputFiles[0].text, 'script');
  const style = escapeClosingTag(css.outputFiles[0].text, 'style');
  if (!template.includes('/*INLINE_CSS*/') || !template.includes('/*INLINE_JS*/')) {
    throw new Error('sidebar.html must hold the /*INLINE_CSS*/ and /*INLINE_JS*/ markers');
  }
  // Functions as replacements: `$&` and friends in minified code must stay literal.
  return template.replace('/*INLINE_CSS*/', () => style).replace('/*INLINE_JS*/', () => script);
}

/** Webpack plugin: adds Sidebar.html and appsscript.json to the server build's output. */
class AddonAssetsPlugin {
  constructor({ clientDir, manifest, version }) {
    this.options = { clientDir, manifest, version };
  }

  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('AddonAssetsPlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'AddonAssetsPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          const { clientDir, manifest, version } = this.options;
          compilation.fileDependencies.add(manifest);
          for (const file of fs.readdirSync(clientDir)) compilation.fileDependencies.add(path.join(clientDir, file));
          compilation.emitAsset('Sidebar.html', new RawSource(await renderSidebarHtml({ clientDir, version })));
          compilation.emitAsset('appsscript.json', new RawSource(fs.readFileSync(manifest, 'utf8')));
        },
      );
    });
  }
}

module.exports = { AddonAssetsPlugin, renderSidebarHtml };
