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

/**
 * What the menu's toggle keeps: the other way from now, or 'auto' when that is what the window's width would
 * give anyway, so that toggling back hands the choice to the window again.
 */
export const toggledMenu = (narrow: boolean, narrowWindow: boolean): SideMenu =>
  !narrow === narrowWindow ? 'auto' : narrow ? 'full' : 'icons';

type LayoutChoice = { sideMenu: SideMenu } | { entryList: EntryListLayout };

const LAYOUT_MUTATION = ['settings', 'layout'] as const;

/**
 * The layout as the person chose it, kept with their settings in the encrypted journal. A choice shows at
 * once and is then saved; if saving fails, what is saved is read back.
 */
export function useLayout() {
  const queryClient = useQueryClient();
  const settings = useSettings();
  const choose = useMutation({
    mutationKey: LAYOUT_MUTATION,
    mutationFn: (choice: LayoutChoice) => unwrap(holding().settings.update(choice)),
    onMutate: (choice) => {
      queryClient.setQueryData<Settings>(settingsKey, (old) => (old ? { ...old, ...choice } : old));
    },
    // A reply is written over what shows only when no later choice is still on its way: two quick presses
    // would otherwise flicker back to the first choice as its reply arrived.
    onSuccess: (value) => {
      if (queryClient.isMutating({ mutationKey: LAYOUT_MUTATION }) <= 1) queryClient.setQueryData(settingsKey, value);
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: settingsKey }),
  });
  return {
    sideMenu: settings.data?.sideMenu,
    entryList: settings.data?.entryList,
    choose: choose.mutate,
  };
}
