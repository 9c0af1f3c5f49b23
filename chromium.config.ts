/**
 * How every headless Chromium in this project is launched (end-to-end tests, Storybook tests,
 * the benchmark): Debian's Chromium, never a download, with the flags this kind of machine
 * needs (no sandbox as root, no GPU, no background traffic, /tmp instead of a small /dev/shm).
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
};
