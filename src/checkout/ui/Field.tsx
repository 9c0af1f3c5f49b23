import { type ComponentPropsWithRef, useId } from 'react';

interface FieldProps extends ComponentPropsWithRef<'input'> {
  label: string;
  error?: string | null;
  hint?: string;
  /** Focus this field when its step appears. */
  first?: boolean;
}

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export function Field({ label, error, hint, first, id, className, ...rest }: FieldProps) {
  const auto = useId();
  const inputId = id ?? auto;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`lava-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      <input
        {...rest}
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-autofocus={first || undefined}
      />
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
}
