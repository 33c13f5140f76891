import { useState } from 'react';
import type { SupportRegion } from '../../../../common/support/services';
import { ServicesList } from './ServicesList';
import { guessedRegion } from './SupportPage';

/** Support on the first screens: the services only, since the person's own contacts are inside the journal. */
export function LockedSupport({ journal }: { journal: 'locked' | 'none' }) {
  const [region, setRegion] = useState<SupportRegion | 'all'>(guessedRegion);
  return (
    <>
      <h1 tabIndex={-1}>Support</h1>
      <p>
        When things are hard, you do not have to hold it all on your own. These services are there for anyone, whatever
        the hour.
        {journal === 'locked' ? ' The people you have added to your own list show once your journal is unlocked.' : ''}
      </p>
      <ServicesList region={region} onRegion={setRegion} />
    </>
  );
}
