import { render, screen } from '@testing-library/react';
import { options, Component as PreactComponent } from 'preact';
import { Component } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

// The checkout app ships on preact/compat (vite.app.config.ts); its tests must render with it too.
describe('the renderer of the checkout tests', () => {
  const previous = options.vnode;
  afterEach(() => {
    options.vnode = previous;
  });

  it('given `react` imported in a checkout test, then it is preact/compat', () => {
    expect(Component).toBe(PreactComponent);
  });

  it('when @testing-library/react renders, then Preact builds the tree', () => {
    const seen: unknown[] = [];
    options.vnode = (vnode) => {
      seen.push(vnode.type);
      previous?.(vnode);
    };
    render(<p>drawn</p>);
    expect(screen.getByText('drawn')).toBeInTheDocument();
    expect(seen).toContain('p');
  });
});
