import { useEffect, useState } from 'react';

/** Formatting and checking numbers: libphonenumber-js, about 40% of the app, loaded after first paint. */
export type PhoneTools = typeof import('./validate-phone');

let loaded: PhoneTools | null = null;
let loading: Promise<PhoneTools> | null = null;

export function loadPhoneTools(): Promise<PhoneTools> {
  loading ??= import('./validate-phone').then(
    (tools) => (loaded = tools),
    (error: unknown) => {
      loading = null; // a later call tries again
      throw error;
    },
  );
  return loading;
}

/** The tools once loaded (null before); asks for them after the first render. */
export function usePhoneTools(): PhoneTools | null {
  const [tools, setTools] = useState(() => loaded);
  useEffect(() => {
    if (tools) return;
    let live = true;
    loadPhoneTools().then(
      (next) => live && setTools(next),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [tools]);
  return tools;
}
