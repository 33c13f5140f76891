import { describe, expect, it } from 'vitest';
import { linkPrompt } from '../../main/shell-common/link-prompt';

describe('the "Open this link?" prompt (issue 19)', () => {
  it('shows an ordinary link in its normal form, with nothing more to say', () => {
    expect(linkPrompt(' https://www.hcpc-uk.org ')).toEqual({
      url: 'https://www.hcpc-uk.org/',
      message: 'Open this link outside Holding?',
      detail: 'https://www.hcpc-uk.org/',
    });
    expect(linkPrompt('mailto:supervisor@example.org')?.detail).toBe('mailto:supervisor@example.org');
  });

  it('makes bidirectional overrides and invisible characters visible as codes, and says so', () => {
    const prompt = linkPrompt('https://example.org/\u202e/gpj.exe')!;
    expect(prompt.url).toBe('https://example.org/%E2%80%AE/gpj.exe');
    expect(prompt.detail).toMatch(/^https:\/\/example\.org\/%E2%80%AE\/gpj\.exe\n\nThis link holds hidden characters/);
    for (const hidden of ['\u200b', '\u2066', '\u00ad', '\u2800', '\u180e']) {
      const shown = linkPrompt(`https://example.org/a${hidden}b`)!;
      expect(shown.url, JSON.stringify(hidden)).toMatch(/^https:\/\/example\.org\/a(%[0-9A-F]{2})+b$/);
      expect(shown.detail).toContain('hidden characters');
    }
  });

  it('shows a host written in other alphabets by its punycode name, and says why', () => {
    // "раураl.com" with Cyrillic р, а, у, а: looks like paypal.com.
    const prompt = linkPrompt('https://раураl.com/login')!;
    expect(prompt.url).toBe('https://xn--l-7sba6dbr.com/login');
    expect(prompt.detail).toContain('shown as the name computers use for it (beginning xn--)');
    expect(prompt.detail.split('\n\n')[0]).toBe(prompt.url);
  });

  it('says when the rest of a link is in other alphabets', () => {
    expect(linkPrompt('https://example.org/café')!.detail).toBe(
      'https://example.org/caf%C3%A9\n\nPart of this link is written in other alphabets or symbols, shown here as %-codes.',
    );
  });

  it('names the real site when a link hides it behind a name and an @', () => {
    const prompt = linkPrompt('https://www.bank.co.uk:secure-login@evil.example/')!;
    expect(prompt.url).toBe('https://www.bank.co.uk:secure-login@evil.example/');
    expect(prompt.detail).toContain(
      'This link goes to evil.example. What comes before the @ in it is not the site’s name',
    );
  });

  it('gives no prompt for anything Holding does not open', () => {
    for (const url of ['javascript:alert(1)', 'http://plain.example', 'file:///etc/passwd', 'not a link']) {
      expect(linkPrompt(url), url).toBeNull();
    }
  });
});
