/**
 * npm run shell -- [--data-dir DIR] [--screenshot FILE] [--headless] [--theme light|dark]
 *
 * Opens Holding in Chromium with the real services. Without --data-dir it uses
 * HOLDING_DATA_DIR or a fresh temporary folder (never your real journal by accident).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openShell } from './shell';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    screenshot: { type: 'string' },
    headless: { type: 'boolean', default: false },
    theme: { type: 'string', default: 'light' },
  },
});

const headless = values.headless || Boolean(values.screenshot);
if (!headless && !process.env['DISPLAY'] && process.platform === 'linux') {
  console.error('There is no display here to open a window on. Try --screenshot FILE to take a picture instead.');
  process.exit(2);
}
const dataDir = values['data-dir'] ?? process.env['HOLDING_DATA_DIR'];
const shell = await openShell({
  ...(dataDir ? { dataDir: path.resolve(dataDir) } : {}),
  headless,
  colorScheme: values.theme === 'dark' ? 'dark' : 'light',
});
console.log(`Holding is open in the browser shell. Data folder: ${shell.dataDir}`);

if (values.screenshot) {
  await shell.page.locator('main').first().waitFor();
  await shell.page.screenshot({ path: values.screenshot });
  console.log(`Screenshot saved to ${values.screenshot}`);
  await shell.close({ keepData: Boolean(dataDir) });
} else {
  console.log('Close the browser window (or press Ctrl+C) to finish.');
  const finish = async () => {
    await shell.close({ keepData: Boolean(dataDir) });
    process.exit(0);
  };
  shell.browser.on('disconnected', () => void finish());
  process.on('SIGINT', () => void finish());
}
