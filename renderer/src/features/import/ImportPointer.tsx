import { useQuery } from '@tanstack/react-query';
import { holding, unwrap } from '../../api';
import { Button } from '../../ui/controls';
import { useGoToSettings } from '../frame/navigation';
import { requestImport } from './request';

/** On an empty journal's first screen: the way in for someone moving from another journal. */
export function ImportPointer() {
  const goToSettings = useGoToSettings();
  const any = useQuery({
    queryKey: ['journal', 'page', 'any'],
    queryFn: () => unwrap(holding().journal.list({ limit: 1 })),
  });
  if (!any.data || any.data.total > 0) return null;
  return (
    <div data-testid="import-pointer">
      <p>
        Moving from Day One, Obsidian, Joplin, Logseq, Notesnook or Standard Notes? You can bring your entries with you.
      </p>
      <Button variant="secondary" onClick={() => goToSettings(requestImport)}>
        Bring in a journal
      </Button>
    </div>
  );
}
