import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { zhVocabulary } from '../../apps/web/src/i18n/vocabulary';

const LOCALES = path.resolve('apps/web/src/i18n/locales');

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function read(language: string, namespace: string): unknown {
  return JSON.parse(readFileSync(path.join(LOCALES, language, `${namespace}.json`), 'utf8'));
}

describe('translations', () => {
  const namespaces = readdirSync(path.join(LOCALES, 'zh-CN')).map((file) => file.replace(/\.json$/, ''));

  it.each(namespaces)('%s has the same keys in English as in Chinese', (namespace) => {
    expect(keys(read('en', namespace)).sort()).toEqual(keys(read('zh-CN', namespace)).sort());
  });

  it('every English namespace has a Chinese one (vocabularies come from @jiebang/contracts)', () => {
    const english = readdirSync(path.join(LOCALES, 'en')).map((file) => file.replace(/\.json$/, ''));
    expect(english.sort()).toEqual([...namespaces, 'vocab'].sort());
  });

  it('every vocabulary value has an English label', () => {
    expect(keys(read('en', 'vocab')).sort()).toEqual(keys(zhVocabulary).sort());
  });

  // Chinese measure words (项, 次) that English does without.
  const MEASURE_WORDS = new Set([
    'en:admin:dashboard.kpi.items',
    'en:admin:dashboard.kpi.times',
    'en:hall:batches.unit',
  ]);

  it('no text is left empty', () => {
    for (const language of ['zh-CN', 'en']) {
      for (const namespace of namespaces) {
        const blank = keys(read(language, namespace)).filter((key) => {
          const text = key
            .split('.')
            .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], read(language, namespace));
          if (MEASURE_WORDS.has(`${language}:${namespace}:${key}`)) return typeof text !== 'string';
          return typeof text !== 'string' || text.trim() === '';
        });
        expect({ language, namespace, blank }).toEqual({ language, namespace, blank: [] });
      }
    }
  });
});
