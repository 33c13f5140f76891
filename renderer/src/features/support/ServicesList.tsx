import { useId } from 'react';
import {
  EMERGENCY,
  REGION_NAMES,
  SUPPORT_CHECKED,
  SUPPORT_REGIONS,
  SUPPORT_SERVICES,
  type SupportRegion,
  type SupportService,
  type SupportWay,
} from '../../../../common/support/services';
import { Button } from '../../ui/controls';
import { holding } from '../../api';
import styles from './support.module.css';

/** When the services were checked, as a month: "December 2026". */
export function checkedInWords(): string {
  const [year, month] = SUPPORT_CHECKED.split('-').map(Number) as [number, number];
  return new Date(year, month - 1, 1).toLocaleDateString('en-GB', { month: 'long', year: 'numeric' });
}

function Way({ way }: { way: SupportWay }) {
  if (way.kind === 'web') {
    return (
      <li>
        <span className={styles.wayKind}>Online:</span>{' '}
        <a
          href={way.value}
          onClick={(event) => {
            event.preventDefault();
            void holding().app.openExternal({ url: way.value });
          }}
        >
          {way.value.replace(/^https:\/\/(www\.)?/, '')}
        </a>
      </li>
    );
  }
  const kind = way.kind === 'call' ? 'Call' : way.kind === 'text' ? 'Text' : 'Email';
  return (
    <li>
      <span className={styles.wayKind}>{kind}:</span>{' '}
      {way.message ? (
        <>
          <strong className={styles.number}>{way.message}</strong> to{' '}
        </>
      ) : null}
      <strong className={styles.number}>{way.value}</strong>
    </li>
  );
}

function ServiceCard({ service, onHide }: { service: SupportService; onHide?: (() => void) | undefined }) {
  const id = useId();
  return (
    <li className={styles.service} aria-labelledby={`${id}-n`}>
      <h4 id={`${id}-n`} className={styles.serviceName}>
        {service.name}
        {service.audience === 'clinicians' ? <span className={styles.badge}>For people in health work</span> : null}
      </h4>
      <p>{service.about}</p>
      <ul className={styles.ways}>
        {service.ways.map((way) => (
          <Way key={`${way.kind}-${way.value}`} way={way} />
        ))}
      </ul>
      <p className={styles.hours}>{service.hours}</p>
      {onHide ? (
        <Button variant="quiet" onClick={onHide} aria-label={`Hide ${service.name}`}>
          Hide
        </Button>
      ) : null}
    </li>
  );
}

/**
 * The services for a country (or all of them), with a way to choose the country. Works without the journal:
 * the first screens show it too, with nothing of the person's own.
 */
export function ServicesList({
  region,
  onRegion,
  hidden = [],
  onHide,
  onShowHidden,
}: {
  region: SupportRegion | 'all';
  onRegion: (region: SupportRegion | 'all') => void;
  hidden?: string[] | undefined;
  onHide?: ((id: string) => void) | undefined;
  onShowHidden?: (() => void) | undefined;
}) {
  const id = useId();
  const regions = region === 'all' ? SUPPORT_REGIONS : [region];
  const hiddenHere = SUPPORT_SERVICES.filter(
    (s) => hidden.includes(s.id) && s.regions.some((r) => (regions as readonly string[]).includes(r)),
  );
  return (
    <div className={styles.services}>
      <div className={styles.regionRow}>
        <label htmlFor={`${id}-region`}>Services for</label>
        <select
          id={`${id}-region`}
          className={styles.select}
          value={region}
          onChange={(event) => onRegion(event.target.value as SupportRegion | 'all')}
        >
          {SUPPORT_REGIONS.map((r) => (
            <option key={r} value={r}>
              {REGION_NAMES[r].replace(/^the /, '').replace(/^./, (c) => c.toUpperCase())}
            </option>
          ))}
          <option value="all">Every country Holding knows</option>
        </select>
      </div>
      {regions.map((r) => {
        const services = SUPPORT_SERVICES.filter((s) => s.regions.includes(r) && !hidden.includes(s.id));
        return (
          <section key={r} aria-label={`Services in ${REGION_NAMES[r]}`} className={styles.regionBlock}>
            {region === 'all' ? <h4 className={styles.regionHeading}>In {REGION_NAMES[r]}</h4> : null}
            <ul className={styles.serviceList}>
              {services.map((service) => (
                <ServiceCard
                  key={service.id}
                  service={service}
                  onHide={onHide ? () => onHide(service.id) : undefined}
                />
              ))}
            </ul>
            <p className={styles.emergency}>
              If you might not be safe right now, you can call <strong>{EMERGENCY[r]}</strong> or go to the nearest
              emergency department. You will not be wasting anyone’s time.
            </p>
          </section>
        );
      })}
      {hiddenHere.length && onShowHidden ? (
        <p>
          <Button variant="quiet" onClick={onShowHidden}>
            Show the {hiddenHere.length === 1 ? 'one' : hiddenHere.length} you hid
          </Button>
        </p>
      ) : null}
      <p className={styles.checked}>
        These details were checked against each service’s own pages in {checkedInWords()}. Numbers and hours do change:
        if one does not work, the service’s website will have the current one.
      </p>
    </div>
  );
}
