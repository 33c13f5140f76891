/** README.txt, the first file in the zip: what each folder holds, in plain words. */
export const README = `Your Holding journal, exported
==============================

This folder holds everything you wrote in Holding, as ordinary files any computer can open.
It is not encrypted: anyone who can open this file can read it. Keep it somewhere safe, and
delete it when you no longer need it.

entries/YYYY/MM/      Each journal and two-truths entry as a Markdown (.md) file, in a folder
                      for the year and month of the day it is about (or the day it was written).
                      At the top of each file, between two lines of "---", is a short list of
                      facts about it: when it was written and changed, its tags, its flags, the
                      template it began from and the entries it is linked to.
trash/YYYY/MM/        Entries that were in the trash, in the same form.
html/                 The same entries as web pages, laid out for reading and printing.
checkins/             Your check-ins as a spreadsheet (checkins.csv) and your early warning
                      signs and what helps (warning-signs.md).
supervision/          Your supervision contracts, agendas, sessions, what you discussed,
                      actions and hours, each as a spreadsheet (.csv).
templates/            Your entry templates (templates.md) and two-truths prompts (prompts.csv).
sharing/              What you shared with a supervisor, the feedback you were sent, and what
                      others shared with you, as spreadsheets.
holding-export.json   Everything above and more, exactly as Holding keeps it, for bringing
                      it back into Holding or into another program. Its layout is described in
                      Holding's documentation (docs/export-format.md).

Spreadsheets (.csv) open in Excel, Numbers or LibreOffice. Markdown files open in any text
editor, and in Obsidian, Joplin, Logseq and similar programs.

Your identity's secret keys, and Holding's own settings for this computer, are not included.
`;
