import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, useId } from 'react';

interface FieldProps extends ComponentPropsWithoutRef<'input'> {
  label: string;
  error?: string | null;
  hint?: string;
  /** Focus this field when its step appears. */
  first?: boolean;
  /** Drawn on the input's row, at its inline start (the phone number's country button). */
  start?: ReactNode;
}

/**
 * A labelled input whose error is announced and tied to it with aria-describedby. The ref is
 * its <input>: forwardRef, because Preact (the production renderer) does not pass `ref` to a
 * function component as a prop, as React 19 does.
 */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field(
  { label, error, hint, first, start, id, className, ...rest },
  ref,
) {
  const auto = useId();
  const inputId = id ?? auto;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const input = (
    <input
      {...rest}
      ref={ref}
      id={inputId}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy}
      data-autofocus={first || undefined}
    />
  );
  return (
    <div className={`lava-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      {start ? (
        <div className="lava-field-row">
          {start}
          {input}
        </div>
      ) : (
        input
      )}
      {hint && (
        <p id={hintId} className="lava-hint">
          {hint}
        </p>
      )}
      <p id={errorId} className="lava-field-error" aria-live="polite">
        {error ?? ''}
      </p>
    </div>
  );
});
