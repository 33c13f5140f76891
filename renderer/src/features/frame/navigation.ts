import { createContext, useContext } from 'react';
import type { SectionId } from './sections';

/** Moving between parts of Holding from inside one: open an entry in the journal, or go to a section. */
export interface Navigation {
  openEntry(id: string): void;
  goTo(section: SectionId): void;
}

export const NavigationContext = createContext<Navigation>({ openEntry: () => undefined, goTo: () => undefined });

export const useNavigation = (): Navigation => useContext(NavigationContext);
