import { launchChromium } from './chromium';
import type { Driver, EngineName } from './driver';
import { launchFirefox } from './firefox';
import { launchWebKit } from './webkit';

export function launchDriver(engine: EngineName): Promise<Driver> {
  switch (engine) {
    case 'chromium':
      return launchChromium();
    case 'firefox':
      return launchFirefox();
    case 'webkit':
      return launchWebKit();
  }
}
