import { createContext, useContext } from 'react';
import type { SectionId } from './sections';

/** Moving between parts of Holding from inside one: open an entry in the journal, or go to a section. */
export interface Navigation {
  openEntry(id: string): void;
  goTo(section: SectionId): void;
}

export const NavigationContext = createContext<Navigation>({ openEntry: () => undefined, goTo: () => undefined });

export const useNavigation = (): Navigation => useContext(NavigationContext);

/** Going to Settings from elsewhere, having asked first for the part wanted (its section then takes focus). */
export function useGoToSettings(): (request: () => void) => void {
  const navigation = useNavigation();
  return (request) => {
    request();
    navigation.goTo('settings');
  };
}
