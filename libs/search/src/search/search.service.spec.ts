import { describe, expect, it } from '@jest/globals';
import { escapeHighlight } from './search.service';

describe('escapeHighlight', () => {
  it('escapes the markup a need could carry and turns only the engine’s markers into <mark>', () => {
    expect(escapeHighlight(`\u0001氢能\u0002 <b>"储运"</b> & 'R&D' &amp;`)).toBe(
      '<mark>氢能</mark> &lt;b&gt;&quot;储运&quot;&lt;/b&gt; &amp; &#39;R&amp;D&#39; &amp;amp;',
    );
  });

  it('leaves plain text as it is', () => {
    expect(escapeHighlight('高端装备制造 2026')).toBe('高端装备制造 2026');
  });
});
