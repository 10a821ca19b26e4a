// The page's entry, kept small: it starts the current page's first read with the session index.html carries, so
// that read is on the wire while the app's own code (React and the rest: most of the page's JavaScript, which the
// BFF preloads with this file) arrives and is evaluated. Import nothing here that pulls that code in. index.html loads
// it async: it runs as soon as it has arrived, not once the document and every preloaded module are in (the BFF writes
// the bootstrap before it).
import './index.css';
import { takeBootstrap } from './lib/api/bootstrap';
import { startEarlyReads } from './app/early-reads';

const bootstrap = takeBootstrap();
startEarlyReads(bootstrap, window.location);
void import('./app/start').then(({ startApp }) => startApp(bootstrap));
