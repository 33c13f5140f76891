import { useSyncExternalStore } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EntryListLayout, Settings, SideMenu } from '../../../../common/ipc/contract';
import { holding, unwrap } from '../../api';
import { settingsKey, useSettings } from '../settings/queries';

/**
 * Below this width the side menu narrows to icons by itself, until the person chooses (a 900 px window with
 * the menu and the list in full left about 270 px to write in).
 */
export const NARROW_WINDOW = '(max-width: 1023px)';

const subscribe = (changed: () => void) => {
  const query = window.matchMedia(NARROW_WINDOW);
  query.addEventListener('change', changed);
  return () => query.removeEventListener('change', changed);
};

export const useNarrowWindow = (): boolean =>
  useSyncExternalStore(subscribe, () => window.matchMedia(NARROW_WINDOW).matches);

/** Whether the menu shows icons only: the person's choice, or the window's width until they make one. */
export const menuIsNarrow = (choice: SideMenu | undefined, narrowWindow: boolean): boolean =>
  choice === 'icons' || (choice !== 'full' && narrowWindow);

type LayoutChoice = { sideMenu: SideMenu } | { entryList: EntryListLayout };

/**
 * The layout as the person chose it, kept with their settings in the encrypted journal. A choice shows at
 * once and is then saved; if saving fails, what is saved is read back.
 */
export function useLayout() {
  const queryClient = useQueryClient();
  const settings = useSettings();
  const choose = useMutation({
    mutationFn: (choice: LayoutChoice) => unwrap(holding().settings.update(choice)),
    onMutate: (choice) => {
      queryClient.setQueryData<Settings>(settingsKey, (old) => (old ? { ...old, ...choice } : old));
    },
    onSuccess: (value) => queryClient.setQueryData(settingsKey, value),
    onError: () => void queryClient.invalidateQueries({ queryKey: settingsKey }),
  });
  return {
    sideMenu: settings.data?.sideMenu,
    entryList: settings.data?.entryList,
    choose: choose.mutate,
  };
}
