import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enAdmin from './locales/en/admin.json';
import enAdvisor from './locales/en/advisor.json';
import enAuth from './locales/en/auth.json';
import enCommon from './locales/en/common.json';
import enEngagement from './locales/en/engagement.json';
import enEnterprise from './locales/en/enterprise.json';
import enFiles from './locales/en/files.json';
import enHall from './locales/en/hall.json';
import enProblems from './locales/en/problems.json';
import enQa from './locales/en/qa.json';
import enTeam from './locales/en/team.json';
import enThread from './locales/en/thread.json';
import enValidation from './locales/en/validation.json';
import enVocab from './locales/en/vocab.json';
import admin from './locales/zh-CN/admin.json';
import advisor from './locales/zh-CN/advisor.json';
import auth from './locales/zh-CN/auth.json';
import common from './locales/zh-CN/common.json';
import engagement from './locales/zh-CN/engagement.json';
import enterprise from './locales/zh-CN/enterprise.json';
import files from './locales/zh-CN/files.json';
import hall from './locales/zh-CN/hall.json';
import problems from './locales/zh-CN/problems.json';
import qa from './locales/zh-CN/qa.json';
import team from './locales/zh-CN/team.json';
import thread from './locales/zh-CN/thread.json';
import validation from './locales/zh-CN/validation.json';
import { zhVocabulary } from './vocabulary';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Simplified Chinese is the source of truth: its shape types every `t()` key (see i18next.d.ts). */
export const zhResources = {
  common,
  auth,
  hall,
  enterprise,
  engagement,
  files,
  thread,
  team,
  advisor,
  admin,
  validation,
  problems,
  qa,
  vocab: zhVocabulary,
};

const enResources: Record<keyof typeof zhResources, object> = {
  common: enCommon,
  auth: enAuth,
  hall: enHall,
  enterprise: enEnterprise,
  files: enFiles,
  engagement: enEngagement,
  thread: enThread,
  team: enTeam,
  advisor: enAdvisor,
  admin: enAdmin,
  validation: enValidation,
  problems: enProblems,
  qa: enQa,
  vocab: enVocab,
};

const STORAGE_KEY = 'jiebang.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'zh-CN';
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': zhResources, en: enResources },
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  ns: Object.keys(zhResources),
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

document.documentElement.lang = i18n.language;

export default i18n;

/** For keys built at run time (problem and validator codes), which the typed `t` cannot check. */
export function translateKey(key: string): string {
  return (i18n.t as (key: string) => string)(key);
}
