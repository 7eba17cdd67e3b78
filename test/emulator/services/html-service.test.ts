import { htmlOutputStateOf } from '../../../emulator/services/html-service';
import { closeEnvironments, tempBuildDir, testEnvironment } from './support/environments';

afterAll(() => closeEnvironments());

describe('HtmlOutput', () => {
  test('setters chain and the getters read back', () => {
    const html = testEnvironment()
      .globals.HtmlService.createHtmlOutput('<p>a</p>')
      .append('<p>b</p>')
      .setTitle('Jobs')
      .setWidth(300)
      .setHeight(500)
      .setSandboxMode('IFRAME')
      .setXFrameOptionsMode('ALLOWALL')
      .addMetaTag('viewport', 'width=device-width')
      .setFaviconUrl('https://example.com/f.png');
    expect([html.getContent(), html.getTitle(), html.getWidth(), html.getHeight(), html.getFaviconUrl()]).toEqual([
      '<p>a</p><p>b</p>',
      'Jobs',
      300,
      500,
      'https://example.com/f.png',
    ]);
    expect(htmlOutputStateOf(html)).toMatchObject({
      xFrameOptionsMode: 'ALLOWALL',
      metaTags: [{ name: 'viewport', content: 'width=device-width' }],
    });
  });

  test('setContent replaces and clear empties; every call is counted as HtmlOutput.<method>', () => {
    const env = testEnvironment();
    const html = env.globals.HtmlService.createHtmlOutput();
    expect(html.setContent('x').getContent()).toBe('x');
    expect(html.clear().getContent()).toBe('');
    expect(env.counter.snapshot()).toEqual({
      'HtmlOutput.clear': 1,
      'HtmlOutput.getContent': 2,
      'HtmlOutput.setContent': 1,
      'HtmlService.createHtmlOutput': 1,
    });
  });

  test('a file name given with its .html extension reads the same file; paths are refused', () => {
    const env = testEnvironment({ buildDir: tempBuildDir({ 'Sidebar.html': 'S' }) });
    expect(env.globals.HtmlService.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe('S');
    expect(() => env.globals.HtmlService.createHtmlOutputFromFile('../Sidebar')).toThrow('No HTML file named');
  });

  test('SandboxMode and XFrameOptionsMode enums are on HtmlService', () => {
    const { HtmlService } = testEnvironment().globals;
    expect(HtmlService.SandboxMode.IFRAME).toBe('IFRAME');
    expect(HtmlService.XFrameOptionsMode.ALLOWALL).toBe('ALLOWALL');
  });
});
