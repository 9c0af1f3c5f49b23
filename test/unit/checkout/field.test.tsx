import { render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { Field } from '../../../src/checkout/ui/Field';

describe('Field', () => {
  it('given a ref, then the ref holds its <input> (Preact, like the build, does not pass `ref` as a prop)', () => {
    const ref = createRef<HTMLInputElement>();
    render(<Field ref={ref} label="Phone number" />);
    expect(ref.current).toBe(screen.getByLabelText('Phone number'));
  });

  it('given a ref, when the parent focuses it, then the input has focus', () => {
    const ref = createRef<HTMLInputElement>();
    render(<Field ref={ref} label="Phone number" />);
    ref.current?.focus();
    expect(screen.getByLabelText('Phone number')).toHaveFocus();
  });
});
