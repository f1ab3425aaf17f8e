import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import ptBR from '../i18n/pt-BR.json';
import en from '../i18n/en.json';
import type { Language } from '../../electron/shared/settings.js';

void i18n.use(initReactI18next).init({
  resources: { 'pt-BR': { translation: ptBR }, en: { translation: en } },
  lng: 'pt-BR',
  fallbackLng: 'pt-BR',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export default i18n;
