import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ComponentPage } from './component-page-view';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ComponentPage />
  </StrictMode>,
);
