// @vitest-environment node
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LavaCheckout, useLavaCheckout } from '../../../src/index';
import { token } from '../host/fake-checkout-frame';

function Page() {
  const { status, isOpen } = useLavaCheckout({ onSuccess: () => undefined });
  return createElement('p', null, `${status} ${isOpen}`);
}

describe('server rendering', () => {
  it('renders the hook and the component with no window or document', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    const html = renderToString(
      createElement('main', null, createElement(Page), createElement(LavaCheckout, { token: token(), open: true })),
    );
    expect(html).toBe('<main><p>idle false</p></main>');
  });
});
