import type { ReactNode } from 'react';
import { TestData } from './test-data';

const PAGES = [
  ['/', 'useLavaCheckout'],
  ['/component.html', '<LavaCheckout>'],
  ['/script-tag.html', 'Script tag'],
] as const;

export function Layout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="layout">
      <header>
        <strong>Acme AI</strong> · Lava Checkout playground
        <nav>
          {PAGES.map(([href, label]) => (
            <a key={href} href={href} aria-current={location.pathname === href ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main>
        <h1>{title}</h1>
        {children}
      </main>
      <TestData />
    </div>
  );
}
