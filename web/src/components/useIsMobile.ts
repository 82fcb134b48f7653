import { useSyncExternalStore } from 'react';

// ≤ 768 px: the side navigation becomes a drawer and tables scroll sideways.
const query = '(max-width: 768px)';

const subscribe = (onChange: () => void) => {
  const list = window.matchMedia(query);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
};

export const useIsMobile = (): boolean =>
  useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
