import { useTranslation } from 'react-i18next';

/** 中文 / English, remembered on this device (see i18n.ts). */
export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'zh' : 'en';
  return (
    // The name a screen reader says holds the visible word (WCAG 2.5.3), in the language it is written in.
    <button type="button" className="language-toggle" data-testid="language-toggle" onClick={() => void i18n.changeLanguage(next)}>
      <span className="visually-hidden">{t('switchLanguageLabel')} </span>
      <span lang={next === 'zh' ? 'zh-CN' : 'en'}>{t('switchLanguage')}</span>
    </button>
  );
}
