import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './lib/i18n.js';
import i18n from './lib/i18n.js';
import { App } from './App.js';
import { getApi } from './lib/api.js';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const api = getApi();
root.render(
  <StrictMode>
    {api ? <App api={api} /> : <p className="notice notice-error" role="alert">{i18n.t('errors.noApi')}</p>}
  </StrictMode>,
);
