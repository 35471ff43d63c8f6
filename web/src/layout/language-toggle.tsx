import { useTranslation } from 'react-i18next';

/** 中文 / English, remembered on this device (see i18n.ts). */
export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'zh' : 'en';
  return (
    <button type="button" className="language-toggle" data-testid="language-toggle" lang={next === 'zh' ? 'zh-CN' : 'en'} aria-label={t('switchLanguageLabel')} onClick={() => void i18n.changeLanguage(next)}>
      {t('switchLanguage')}
    </button>
  );
}
