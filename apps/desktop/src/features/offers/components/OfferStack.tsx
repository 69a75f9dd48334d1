import { useTranslation } from 'react-i18next';
import { useDesk } from '../../../app/desk/desk-context';
import { OfferCard } from './OfferCard';

/**
 * Pending offers, stacked; several can wait and each is accepted on its own. They do not take the
 * focus from a chat in progress: a status line announces the newest one instead.
 */
export const OfferStack = () => {
  const { t } = useTranslation();
  const { offers, actions } = useDesk();
  const newest = offers[offers.length - 1];
  return (
    <>
      <p className="sr-only" role="status">
        {newest ? t('offers.announce', { customer: newest.customerName }) : ''}
      </p>
      {offers.length > 0 && (
        <section className="offers" aria-label={t('offers.listLabel')}>
          {offers.map((offer) => (
            <OfferCard
              key={offer.id}
              offer={offer}
              onAccept={actions.acceptOffer}
              onReject={actions.rejectOffer}
            />
          ))}
        </section>
      )}
    </>
  );
};
