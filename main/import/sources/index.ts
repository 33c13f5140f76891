import type { ImportSource } from '../types';
import { dayOne } from './day-one';
import { markdownNotes } from './markdown';
import { standardNotes } from './standard-notes';

/**
 * Every source, in the order they are asked whether they recognise what was chosen: the most particular
 * first (a JSON file of a known shape), Markdown last (any folder with a .md file in it). A new source is
 * one module here; Holding's own export will go first.
 */
export const SOURCES: readonly ImportSource[] = [dayOne, standardNotes, markdownNotes];

export function sourceById(id: string): ImportSource | undefined {
  return SOURCES.find((s) => s.id === id);
}
