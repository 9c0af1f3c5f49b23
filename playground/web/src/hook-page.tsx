import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HookPage } from './hook-page-view';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HookPage />
  </StrictMode>,
);
