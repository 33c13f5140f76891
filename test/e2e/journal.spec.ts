import { docFromParagraphs } from '../../common/journal/doc';
import { expect, test } from './fixtures';
import { JournalPageObject, PASSPHRASE } from './pages';

test('a Gibbs entry: write, autosave, lock, unlock, search, filter, history, trash, delete for ever', async ({
  app,
  page,
  shell,
}) => {
  const journal = new JournalPageObject(page);
  await app.newJournal();
  await app.expectAccessible('journal, empty');

  await journal.newEntry("Gibbs' reflective cycle");
  // Each section's prompt shows under its heading (drawn from the placeholder attribute).
  await expect(
    page.locator('[data-placeholder="What happened? Who was there, and what did each of you do?"]'),
  ).toBeVisible();
  await expect(page.locator('.ProseMirror h2')).toHaveText([
    'Description',
    'Feelings',
    'Evaluation',
    'Analysis',
    'Conclusion',
    'Action plan',
  ]);
  await journal.title.fill('A session that stayed with me');
  // Enter goes straight to the first place to write, with no keystroke left behind in the title.
  await page.keyboard.press('Enter');
  await page.keyboard.type('We talked about the move, and I noticed my own tiredness.');
  await journal.expectSaved();
  await expect(journal.title).toHaveValue('A session that stayed with me');
  await expect(page.locator('.ProseMirror h2').first()).toHaveText('Description');
  await expect(page.locator('.ProseMirror h2 + p').first()).toHaveText(
    'We talked about the move, and I noticed my own tiredness.',
  );
  await app.expectAccessible('journal, editing');

  // A second entry, flagged for supervision.
  await journal.writeNewEntry('Notes for Thursday', 'Ask about the waiting list and my caseload.');
  await page.getByLabel('Bring to supervision').check();
  await journal.expectSaved();

  // Lock and unlock: the words are still there.
  await app.lock();
  await app.unlock(PASSPHRASE);
  await app.expectFrame();
  await journal.option('A session that stayed with me').click();
  await expect(journal.editor).toContainText('We talked about the move, and I noticed my own tiredness.');

  // Search finds it, with the word highlighted.
  await journal.search('tiredness');
  await expect(journal.list.getByRole('option')).toHaveCount(1);
  await expect(journal.option('A session that stayed with me').locator('mark')).toHaveText('tiredness');
  await journal.search('"waiting list"');
  await expect(journal.list.getByRole('option')).toHaveCount(1);
  await expect(journal.option('Notes for Thursday')).toBeVisible();
  await journal.search('');

  // Filters narrow the list.
  await expect(journal.list.getByRole('option')).toHaveCount(2);
  await page.getByRole('button', { name: 'Filters and sorting' }).click();
  await page.getByLabel('To bring to supervision').check();
  await expect(journal.list.getByRole('option')).toHaveCount(1);
  await expect(journal.option('Notes for Thursday')).toBeVisible();
  await app.expectAccessible('journal, filters');
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(journal.list.getByRole('option')).toHaveCount(2);

  // Edit: empty the entry (kept in history), write something new, then restore the earlier version.
  await journal.option('A session that stayed with me').click();
  await journal.editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type('Second thoughts.');
  await journal.expectSaved();
  // Into the history and straight back: the entry reopens as saved, word count included.
  await page.getByRole('button', { name: 'History' }).click();
  await page.getByRole('button', { name: 'Back to the entry' }).click();
  await expect(journal.editor).toContainText('Second thoughts.');
  await expect(page.getByText('8 words')).toBeVisible();
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: /History of/ })).toBeVisible();
  await page.getByRole('list', { name: 'Earlier versions' }).getByRole('button').first().click();
  await expect(page.getByTestId('revision-text')).toContainText('I noticed my own tiredness');
  await expect(page.getByTestId('current-text')).toContainText('Second thoughts.');
  await app.expectAccessible('history');
  await page.getByRole('button', { name: 'Restore this version' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect(journal.editor).toContainText('We talked about the move, and I noticed my own tiredness.');
  await expect(journal.editor).not.toContainText('Second thoughts.');
  // The word count follows the restored text: title 6, the template's headings 7, the writing 11.
  await expect(page.getByText('24 words')).toBeVisible();

  // Delete → trash → restore → delete for ever.
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await app.expectAccessible('confirm move to trash');
  await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Moved “A session that stayed with me” to the trash.' }),
  ).toBeVisible();
  await expect(journal.list.getByRole('option')).toHaveCount(1);
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Trash' }).click();
  const trash = page.getByRole('listbox', { name: 'Entries in the trash' });
  await trash.getByRole('option').filter({ hasText: 'A session that stayed with me' }).click();
  await app.expectAccessible('trash');
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(trash.getByRole('option')).toHaveCount(0);
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Entries' }).click();
  await expect(journal.list.getByRole('option')).toHaveCount(2);

  await journal.option('Notes for Thursday').click();
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Trash' }).click();
  await trash.getByRole('option').first().click();
  await page.getByRole('button', { name: 'Delete for ever' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete for ever' }).click();
  await expect(trash.getByRole('option')).toHaveCount(0);
  const remaining = shell.services.journal.list({}).items.map((e) => e.title);
  expect(remaining).toEqual(['A session that stayed with me']);
  expect(shell.services.journal.list({ query: 'waiting', trash: true }).total).toBe(0);
});

test('pasted HTML cannot bring script, event handlers or unsafe links into the entry', async ({ app, page, shell }) => {
  const journal = new JournalPageObject(page);
  await app.newJournal();
  await journal.newEntry('Free writing');
  await journal.title.fill('Pasted');
  await journal.editor.click();
  const corpus = [
    '<p>plain <b>bold</b> <mark>marked</mark></p>',
    '<img src="x" onerror="window.__pwned=1">after image',
    '<a href="javascript:window.__pwned=1">js link</a>',
    '<a href=" javascript:window.__pwned=1">spaced js link</a>',
    '<a href="data:text/html,<script>window.__pwned=1</script>">data link</a>',
    '<a href="https://www.bps.org.uk/" onclick="window.__pwned=1" target="_blank" style="color:red">safe link</a>',
    '<script>window.__pwned=1</script>',
    '<svg><script>window.__pwned=1</script></svg>',
    '<iframe src="https://evil.example" srcdoc="<script>window.__pwned=1</script>"></iframe>',
    '<p style="background:url(javascript:window.__pwned=1)" onmouseover="window.__pwned=1">styled</p>',
    '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>',
    '<details open ontoggle="window.__pwned=1"><summary>details</summary></details>',
    '<form action="javascript:window.__pwned=1"><button formaction="javascript:1">go</button></form>',
    '<object data="javascript:window.__pwned=1"></object><embed src="javascript:1">',
  ];
  await page.evaluate((html) => {
    const target = document.querySelector('.ProseMirror')!;
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'fallback');
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, corpus.join('\n'));
  await journal.expectSaved();
  await page.waitForTimeout(200);

  const rendered = await page.locator('.ProseMirror').innerHTML();
  expect(rendered).toContain('safe link');
  const stored = shell.services.journal.list({}).items[0]!;
  const json = JSON.stringify(shell.services.journal.get(stored.id).body);
  for (const output of [rendered, json]) {
    expect(output).not.toMatch(/<script|<iframe|<object|<embed|<svg|<img|<form|<math/i);
    expect(output).not.toMatch(/javascript:|data:text|vbscript:/i);
    expect(output).not.toMatch(/\son[a-z]+=/i);
    expect(output).not.toMatch(/"on[a-z]+":/i);
    expect(output).not.toMatch(/style=|srcdoc/i);
  }
  expect(json).toContain('https://www.bps.org.uk/');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // Any blocked inline handlers are reported by the CSP on the console: that is the policy working.
  shell.pageErrors.splice(
    0,
    shell.pageErrors.length,
    ...shell.pageErrors.filter((e) => !/Content Security Policy/.test(e)),
  );
});

test('the list stays virtual with 10,000 entries and is driven by keyboard', async ({ app, page, shell }) => {
  const journal = new JournalPageObject(page);
  await app.newJournal();
  // Seed through the real services in the worker, in one transaction.
  const created = shell.host.syncBatch<{ id: string }>(
    'journal',
    'create',
    Array.from({ length: 10_000 }, () => [{}]),
  );
  shell.host.syncBatch(
    'journal',
    'save',
    created.map((e, i) => [
      {
        id: e.id,
        title: `Entry ${String(i).padStart(5, '0')}`,
        body: docFromParagraphs([`Reflection number ${i}.`]),
        eventDate: null,
        tags: i % 10 === 0 ? ['tenth'] : [],
        bringToSupervision: false,
        containsClientMaterial: false,
        pinned: false,
      },
    ]),
  );
  // The data changed behind the window's back: reload it (the vault stays unlocked in main).
  await page.reload();
  await expect(journal.list.getByRole('option').first()).toBeVisible();
  // Only what is on screen is in the DOM.
  expect(await journal.list.getByRole('option').count()).toBeLessThan(40);
  await expect(journal.list.getByRole('option').first()).toHaveAttribute('aria-setsize', '10000');

  await journal.list.focus();
  await page.keyboard.press('Home');
  await expect(journal.list.locator('[aria-selected="true"]')).toHaveAttribute('aria-posinset', '1');
  await page.keyboard.press('ArrowDown');
  await expect(journal.list.locator('[aria-selected="true"]')).toHaveAttribute('aria-posinset', '2');
  await page.keyboard.press('End');
  await expect(journal.list.locator('[aria-selected="true"]')).toHaveAttribute('aria-posinset', '10000');
  await expect(journal.list.locator('[aria-selected="true"]')).toContainText('Entry 00000');
  await page.keyboard.press('Enter');
  await expect(journal.title).toBeFocused();
  await expect(journal.title).toHaveValue('Entry 00000');
  // Escape from the title returns to the list.
  await page.keyboard.press('Escape');
  await expect(journal.list).toBeFocused();
  await app.expectAccessible('journal with 10,000 entries');
});

test('a new entry takes the focus once: moving through the list afterwards leaves it in the list', async ({
  app,
  page,
}) => {
  const journal = new JournalPageObject(page);
  await app.newJournal();
  await journal.newEntry('Free writing');
  await journal.title.fill('The first one');
  await journal.expectSaved();
  await journal.newEntry('Free writing');
  await journal.title.fill('The second one');
  await journal.expectSaved();
  // Back to the list, and down to the older entry: it shows, and the focus stays where the person is.
  await page.keyboard.press('Escape');
  await expect(journal.list).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(journal.list.locator('[aria-selected="true"]')).toContainText('The first one');
  await expect(journal.title).toHaveValue('The first one');
  await expect(journal.list).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(journal.title).toHaveValue('The second one');
  await expect(journal.list).toBeFocused();
  // Enter is the way in.
  await page.keyboard.press('Enter');
  await expect(journal.title).toBeFocused();
  await expect(journal.title).toHaveValue('The second one');
});

test.describe('locks that main starts', () => {
  const idle = { seconds: 0 };
  test.use({ shellOptions: { idleSeconds: () => idle.seconds } });

  test('save what was typed a moment ago before locking', async ({ app, page, shell }) => {
    const journal = new JournalPageObject(page);
    await app.newJournal();
    await journal.writeNewEntry('Just before the lock', 'These last words were typed moments before the lock.');
    // Lock straight away, well inside the autosave delay: main asks the window to save first.
    idle.seconds = 3600;
    expect(await shell.host.checkAutoLock()).toBe(true);
    idle.seconds = 0;
    await app.expectUnlockScreen();
    await app.unlock(PASSPHRASE);
    await app.expectFrame();
    await journal.option('Just before the lock').click();
    await expect(journal.editor).toContainText('These last words were typed moments before the lock.');
  });
});

test('your own template: create, reorder, start an entry from it, duplicate a built-in, delete', async ({
  app,
  page,
}) => {
  const journal = new JournalPageObject(page);
  await app.newJournal();
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Templates' }).click();
  await expect(page.getByRole('list', { name: 'Templates' }).getByText("Gibbs' reflective cycle")).toBeVisible();
  await app.expectAccessible('templates');

  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByLabel('Name', { exact: true }).fill('After a hard shift');
  await page.getByLabel('Heading', { exact: true }).fill('What I am carrying');
  await page.getByLabel('Question to prompt you', { exact: true }).fill('What is still with you as you leave?');
  await page.getByRole('button', { name: 'Add a section' }).click();
  await page
    .getByRole('group', { name: 'Section 2' })
    .getByLabel('Heading', { exact: true })
    .fill('What would help tonight');
  await page
    .getByRole('group', { name: 'Section 2' })
    .getByLabel('Question to prompt you', { exact: true })
    .fill('One small kind thing.');
  await page.getByRole('button', { name: 'Move up section 2' }).click();
  await app.expectAccessible('template form');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(
    page.getByRole('list', { name: 'Templates' }).getByText('What would help tonight · What I am carrying'),
  ).toBeVisible();

  await page.getByRole('button', { name: "Duplicate Driscoll's What? So what? Now what?" }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue("Driscoll's What? So what? Now what? (my copy)");
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Entries' }).click();
  await journal.newEntry('After a hard shift');
  await expect(page.locator('.ProseMirror h2')).toHaveText(['What would help tonight', 'What I am carrying']);
  await expect(page.locator('[data-placeholder="One small kind thing."]')).toBeVisible();

  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('button', { name: 'Delete After a hard shift' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete template' }).click();
  await expect(page.getByRole('list', { name: 'Templates' }).getByText('After a hard shift')).toHaveCount(0);
});

test('a 1 MB paste, emoji and right-to-left text are saved whole', async ({ app, page, shell }) => {
  const journal = new JournalPageObject(page);
  await app.newJournal();
  await journal.newEntry('Free writing');
  await journal.title.fill('שלום 🌧️ and hello');
  await page.keyboard.press('Enter');
  const big = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(18_000);
  expect(big.length).toBeGreaterThan(1_000_000);
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document
      .querySelector('.ProseMirror')!
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, `مرحبا بكم 👋🏽\n${big}`);
  await journal.expectSaved();
  const id = shell.services.journal.list({}).items[0]!.id;
  const saved = shell.services.journal.get(id);
  expect(saved.title).toBe('שלום 🌧️ and hello');
  expect(saved.wordCount).toBeGreaterThan(140_000);
  expect(shell.services.journal.list({ query: 'مرحبا' }).total).toBe(1);
  // The Arabic line takes its own direction: it sits against the right edge, not the left.
  const gaps = await page
    .locator('.ProseMirror p')
    .first()
    .evaluate((p) => {
      const range = document.createRange();
      range.selectNodeContents(p);
      const text = range.getBoundingClientRect();
      const box = p.getBoundingClientRect();
      return { left: text.left - box.left, right: box.right - text.right };
    });
  expect(gaps.right).toBeLessThan(gaps.left);
});

test('a link in an entry opens outside Holding only when asked, and only https: or mailto:', async ({
  app,
  page,
  shell,
}) => {
  const journal = new JournalPageObject(page);
  await app.newJournal();
  await journal.writeNewEntry('Reading', 'The guidance on reflective practice');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+k');
  const form = page.getByRole('form', { name: 'Link' });
  await form.getByLabel('Link to').fill('javascript:alert(1)');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(form.getByRole('alert')).toHaveText('Links can go to https:// web addresses or e-mail addresses only.');
  await form.getByLabel('Link to').fill('www.hcpc-uk.org');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.ProseMirror a')).toHaveAttribute('href', 'https://www.hcpc-uk.org');

  // A plain click only places the caret; Ctrl+click asks main to open it.
  await page.locator('.ProseMirror a').click();
  expect(shell.openedLinks).toEqual([]);
  await page.locator('.ProseMirror a').click({ modifiers: ['Control'] });
  // Opened in its normal form, as the question shows it.
  await expect.poll(() => shell.openedLinks).toEqual(['https://www.hcpc-uk.org/']);
  expect(shell.linkPrompts[0]!.detail).toBe('https://www.hcpc-uk.org/');
  await page.keyboard.press('Control+k');
  await form.getByRole('button', { name: 'Open link' }).click();
  await expect.poll(() => shell.openedLinks.length).toBe(2);

  // Main refuses anything else, whatever the page sends.
  for (const url of [
    'javascript:alert(1)',
    'data:text/html,x',
    'file:///etc/passwd',
    'http://plain.example',
    'holding://app/',
  ]) {
    const result = await page.evaluate((u) => window.holding.app.openExternal({ url: u }), url);
    expect(result, url).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  }
  expect(shell.openedLinks).toHaveLength(2);

  // A link that hides what it is (a look-alike host, a right-to-left override): the question shows it in its
  // normal form, punycode and %-codes, says why, and that is what opens (issue 19).
  await page.locator('.ProseMirror a').click();
  await page.keyboard.press('Control+k');
  await form.getByLabel('Link to').fill('https://раураl.com/\u202e/gpj.exe');
  await form.getByRole('button', { name: 'Apply' }).click();
  await page.locator('.ProseMirror a').click({ modifiers: ['Control'] });
  await expect.poll(() => shell.openedLinks.length).toBe(3);
  expect(shell.openedLinks[2]).toBe('https://xn--l-7sba6dbr.com/%E2%80%AE/gpj.exe');
  const [link, ...notes] = shell.linkPrompts.at(-1)!.detail.split('\n\n');
  expect(link).toBe('https://xn--l-7sba6dbr.com/%E2%80%AE/gpj.exe');
  expect(notes.join(' ')).toMatch(/other alphabets.*xn--.*hidden characters/);
});

test('a save that failed as its editor closed is not retried later over newer words', async ({ app, page, shell }) => {
  const journal = new JournalPageObject(page);
  await app.newJournal();
  await journal.writeNewEntry('Draft', 'First words.');
  await journal.expectSaved();
  await page.keyboard.type(' Typed just as the vault closed.');
  // Lock underneath the window, without the save handshake: the editor's last save fails.
  shell.services.vault.lock('manual');
  await app.expectUnlockScreen();
  await app.unlock(PASSPHRASE);
  await app.expectFrame();
  await journal.option('Draft').click();
  await journal.editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Newer words, written after unlocking.');
  await journal.expectSaved();
  // Longer than the retry interval: nothing from the closed editor may arrive now.
  await page.waitForTimeout(5000);
  const id = shell.services.journal.list({}).items[0]!.id;
  expect(shell.services.journal.get(id).excerpt).toBe('Newer words, written after unlocking.');
});
