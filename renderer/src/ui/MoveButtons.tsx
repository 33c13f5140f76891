import { Button } from './controls';

/**
 * Move up and Move down, for one item of a list the person puts in order by hand. Each names the item it moves,
 * and `data-move` lets the list bring focus back to the same button once the item is in its new place.
 */
export function MoveButtons({
  name,
  index,
  count,
  onMove,
}: {
  name: string;
  index: number;
  count: number;
  onMove: (direction: 'up' | 'down') => void;
}) {
  return (
    <>
      <Button
        variant="quiet"
        data-move="up"
        aria-label={`Move up “${name}”`}
        disabled={index === 0}
        onClick={() => onMove('up')}
      >
        Move up
      </Button>
      <Button
        variant="quiet"
        data-move="down"
        aria-label={`Move down “${name}”`}
        disabled={index === count - 1}
        onClick={() => onMove('down')}
      >
        Move down
      </Button>
    </>
  );
}
