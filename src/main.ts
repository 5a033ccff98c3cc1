import { mount } from 'svelte';
import { loadProfile } from './admin/profile-store';
import App from './App.svelte';
import { readProfile } from './devices/profile';
import { reachBand } from './devices/screen-reach';
import { KioskDb } from './sync/kiosk-db';
import './ui/kiosk.css';
import { showLayout } from './ui/view-settings';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// The devices are chosen once, before the first screen: the query string (a tester), else the
// profile technician mode stored, else the emulated one. A few ms of IndexedDB; if even that fails,
// the query string or the default, so the kiosk still starts and technician mode can be reached.
const db = new KioskDb();
const profile = await loadProfile(db, location.search).catch(() => readProfile(location.search, null));
// The low layout keeps the controls within a seated citizen's reach on this terminal's screen.
if (profile.ok) showLayout(document.documentElement, profile.profile.layout, reachBand(profile.profile.screen));
export default mount(App, { target, props: { db, profile } });
