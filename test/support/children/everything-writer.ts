// Child process for the export kill test: makes a journal in argv[2], then exports everything to argv[3],
// printing "writing" once the partial file is being written, and waits there to be killed.
import { createdServices } from '../services';
import { exportEverything } from '../../../main/export/everything/make';
import { docFromParagraphs } from '../../../common/journal/doc';

const [dataDir, target] = process.argv.slice(2) as [string, string];
const services = await createdServices(dataDir);
for (let i = 0; i < 20; i++) {
  const entry = services.journal.create({ title: `Entry ${i}` });
  services.journal.save({ ...entry, body: docFromParagraphs([`Words of entry ${i}.`.repeat(200)]), tags: [] });
}
await exportEverything(services.vault, target, {
  history: true,
  appVersion: '0.0.0',
  hooks: {
    beforeFile: async (_name, index) => {
      if (index === 10) {
        process.stdout.write('writing\n');
        await new Promise(() => setInterval(() => undefined, 1000));
      }
    },
  },
});
