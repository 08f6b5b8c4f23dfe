import { useEffect, useRef, useState } from 'react';
import { formatDateTime, formatDuration } from '../../components/format';
import { readPreference, writePreference } from '../../components/preference-storage';
import { readinessEvents, type InstancePhase, type ReadinessEvent, type ReadinessRow } from './readiness';

const preferenceKey = 'readiness-notifications';
/** Events told in this tab: each once, whichever page noticed it. */
const told = new Set<string>();

const notificationsSupported = () => typeof window !== 'undefined' && 'Notification' in window;

/**
 * The owner's opt-in for browser notifications, remembered across visits. The browser is asked for permission only
 * when the owner turns the switch on, never on page load.
 */
export function useNotificationChoice() {
  const supported = notificationsSupported();
  const [enabled, setEnabled] = useState(
    () => supported && Notification.permission === 'granted' && readPreference(preferenceKey, (value) => value === true, false),
  );
  const [problem, setProblem] = useState<string>();
  const choose = async (on: boolean) => {
    setProblem(undefined);
    if (!on || !supported) {
      setEnabled(false);
      writePreference(preferenceKey, false);
      return;
    }
    const permission = await Notification.requestPermission();
    const granted = permission === 'granted';
    setEnabled(granted);
    writePreference(preferenceKey, granted);
    if (!granted) setProblem('The browser does not allow notifications from this site. Allow them in the site settings, then turn this on again.');
  };
  return { supported, enabled, problem, choose };
}

function messageOf(event: ReadinessEvent, catalogName: string | undefined) {
  const { row } = event;
  const review = row.definition.displayName || row.definition.id;
  const where = catalogName ? `${catalogName}: ` : '';
  const left = row.phase.kind === 'open' ? row.phase : undefined;
  const until = left ? ` until ${formatDateTime(new Date(left.closesAt).toISOString())}` : '';
  if (event.kind === 'opened') {
    const missing = row.cells.filter((cell) => cell.state.kind !== 'complete').map((cell) => cell.resource.displayName || cell.resource.id);
    return {
      title: `Upload window open: ${review}`,
      body: `${where}data can be uploaded${until}.${missing.length > 0 ? ` Needed for ${missing.join(', ')}.` : ''}`,
    };
  }
  const unfinalized = row.cells.filter((cell) => cell.state.kind === 'active').map((cell) => cell.resource.displayName || cell.resource.id);
  return {
    title: `${left ? formatDuration(left.remainingMs) : 'Minutes'} left: ${review}`,
    body: `${where}finalize the session of ${unfinalized.join(', ')}${until}, or the review goes on without it.`,
  };
}

/**
 * Tells the owner, once per event, when a window opens or has 15 minutes left with a session not finalized
 * (readinessEvents). `ready`: the data has arrived, so a first look does not announce every open window.
 */
export function useReadinessNotifications(rows: ReadinessRow[], ready: boolean, enabled: boolean, catalogNames?: ReadonlyMap<string, string>) {
  const previous = useRef<Map<string, InstancePhase['kind']>>(undefined);
  useEffect(() => {
    if (!ready) return;
    if (enabled && notificationsSupported() && Notification.permission === 'granted') {
      for (const event of readinessEvents(rows, previous.current, told)) {
        told.add(event.key);
        const { title, body } = messageOf(event, catalogNames?.get(event.row.catalogId));
        new Notification(title, { body, tag: event.key });
      }
    }
    previous.current = new Map(rows.map((row) => [row.instance.id, row.phase.kind]));
  }, [rows, ready, enabled, catalogNames]);
}
