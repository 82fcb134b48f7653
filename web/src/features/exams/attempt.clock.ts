// The countdown runs on the server's clock: the device's clock may be wrong or changed during the
// exam. A reading pairs the server's time with performance.now() (monotonic, immune to changes of
// the system clock) at the middle of the request, where the server most likely read its clock.

export type ServerClock = { serverMs: number; perfMs: number };

export const readServerClock = (serverNow: string, sentPerf: number, receivedPerf: number): ServerClock => ({
  serverMs: Date.parse(serverNow),
  perfMs: (sentPerf + receivedPerf) / 2,
});

/** The server's time now, as estimated from the last reading. */
export const serverTimeAt = (clock: ServerClock, perfNow: number): number =>
  clock.serverMs + (perfNow - clock.perfMs);

const pad = (value: number) => String(value).padStart(2, '0');

/** 59:07, or 1:02:03 past an hour; never negative. */
export const formatRemaining = (ms: number): string => {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
};
