import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { setupI18n } from './i18n/i18n';
import { AppProvider } from './session/app-context';
import './styles.css';

setupI18n();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AppProvider fallback={(error) => (error ? <p role="alert">Work in Weihai: the portal did not answer ({error.message}).</p> : <p role="status">…</p>)}>
      <App />
    </AppProvider>
  </StrictMode>,
);
