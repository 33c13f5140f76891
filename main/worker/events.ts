/** What the worker tells main of its own accord (locked, unlocked, a save or a file asked for, progress), and who hears it. */
import type { WorkerEvent } from './protocol';

type Listener<T> = (value: T) => void;

export class WorkerEvents {
  private readonly listeners = new Map<WorkerEvent['name'], Set<Listener<never>>>();

  /** Hears each event named `name` from now on; returns the way to stop. */
  on<T>(name: WorkerEvent['name'], listener: (event: T) => void): () => void {
    const set = this.listenersOf(name) as Set<Listener<T>>;
    set.add(listener);
    return () => set.delete(listener);
  }

  emit(event: WorkerEvent): void {
    for (const listener of this.listenersOf(event.name) as Set<Listener<WorkerEvent>>) listener(event);
  }

  private listenersOf(name: WorkerEvent['name']): Set<Listener<never>> {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    return set;
  }
}
