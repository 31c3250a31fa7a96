import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createAppRouter } from './app/router';
import './app/styles.css';
import { createI18n } from './lib/i18n';
import { createQueryClient } from './lib/query-client';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();
createRoot(container).render(
  <StrictMode>
    <App queryClient={queryClient} i18n={createI18n()} router={createAppRouter(queryClient)} />
  </StrictMode>,
);
