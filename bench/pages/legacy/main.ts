// Benchmark merchant page on the published 0.1.3 React hook, as a merchant app uses it today.
import { useLavaCheckout } from '@lavapayments/checkout-0.1.3';
import { createElement, useEffect } from 'react';
import { createRoot } from 'react-dom/client';

interface BenchWindow {
  benchOpen?: (token: string) => number;
  benchReady?: boolean;
}

function Bench() {
  const { open } = useLavaCheckout({});
  useEffect(() => {
    const win = window as unknown as BenchWindow;
    win.benchOpen = (token) => {
      const t0 = performance.timeOrigin + performance.now();
      open(token);
      return t0;
    };
    win.benchReady = true;
  }, [open]);
  return null;
}

createRoot(document.getElementById('root')!).render(createElement(Bench));
