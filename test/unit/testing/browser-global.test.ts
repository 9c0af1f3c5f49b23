import { afterEach, expect, it } from 'vitest';
import '../../../src/testing/browser';
import { installFakeCheckout } from '../../../src/testing/index';
import { open } from '../../../src/vanilla';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

it('given the browser build is loaded, then window.LavaCheckoutTesting.installFakeCheckout is the testing entry and drives open()', async () => {
  expect(window.LavaCheckoutTesting.installFakeCheckout).toBe(installFakeCheckout);
  uninstall = window.LavaCheckoutTesting.installFakeCheckout({ result: { status: 'success', connectionId: 'conn_window' } }).uninstall;
  expect(await open('any-token').result).toMatchObject({ status: 'success', connectionId: 'conn_window' });
});
